import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageFiles, messages } from '../../common/i18n/messages';

const root = new URL('../../', import.meta.url).pathname;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });

describe('locale files', () => {
  it('have the same keys in Spanish and English, file by file', () => {
    for (const file of Object.keys(messageFiles.es)) {
      const es = Object.keys(messageFiles.es[file]).sort();
      const en = Object.keys(messageFiles.en[file] ?? {}).sort();
      expect({ file, missingInEnglish: es.filter((k) => !en.includes(k)) }).toEqual({
        file,
        missingInEnglish: [],
      });
      expect({ file, missingInSpanish: en.filter((k) => !es.includes(k)) }).toEqual({
        file,
        missingInSpanish: [],
      });
    }
  });

  it('have no empty texts and the same placeholders in both languages', () => {
    for (const [key, es] of Object.entries(messages.es)) {
      const en = messages.en[key] ?? '';
      expect(es.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      expect(placeholders(en), key).toEqual(placeholders(es));
    }
  });

  it('define every key the code uses literally (t(), data-i18n, label(), messageKey, AppError codes)', () => {
    const patterns = [
      /\bt\(\s*'([a-z][\w.-]*)'/g,
      /'data-i18n':\s*'([a-z][\w.-]*)'/g,
      /\blabel\([^,()]+,\s*'([a-z][\w.-]*)'/g,
      /messageKey:\s*'([a-z][\w.-]*)'/g,
    ];
    const missing: string[] = [];
    for (const file of ['common', 'main', 'renderer', 'blocks'].flatMap((dir) =>
      sourceFiles(join(root, dir)),
    )) {
      const source = readFileSync(file, 'utf8');
      for (const pattern of patterns) {
        for (const match of source.matchAll(pattern)) {
          if (!(match[1] in messages.es)) missing.push(`${file.slice(root.length)}: ${match[1]}`);
        }
      }
      for (const match of source.matchAll(
        /new AppError\(\s*'([a-z][\w.-]*)'\s*(\)|,\s*\{(?![^}]*messageKey))/g,
      )) {
        if (!(`error.${match[1]}` in messages.es))
          missing.push(`${file.slice(root.length)}: error.${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
