import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The rooms of docs/architecture.md, "Rooms" are enforced by eslint.config.js; these probes prove it bites. */
const eslint = new ESLint({ cwd: new URL('../../', import.meta.url).pathname });

const zoneErrors = async (filePath: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
};

describe('lint zones', () => {
  it('fails a renderer file that imports node:fs', async () => {
    const errors = await zoneErrors(
      'renderer/probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/renderer\/ runs in Chromium/);
  });

  it('fails a renderer file that imports electron, serialport, sqlite3 or main/', async () => {
    for (const source of ['electron', 'serialport', 'sqlite3', '../main/app/logger']) {
      const errors = await zoneErrors(
        'renderer/probe.ts',
        `import * as x from '${source}';\nexport const y = x;\n`,
      );
      expect(errors, source).toHaveLength(1);
    }
  });

  it('fails common/ importing Node or DOM-side code', async () => {
    expect(
      await zoneErrors('common/probe.ts', "import { join } from 'node:path';\nexport const x = join;\n"),
    ).toHaveLength(1);
    expect(
      await zoneErrors('common/probe.ts', "import * as b from 'blockly';\nexport const x = b;\n"),
    ).toHaveLength(1);
  });

  it('lets only main/electron import electron', async () => {
    const code = "import { app } from 'electron';\nexport const x = app;\n";
    expect(await zoneErrors('main/board/probe.ts', code)).toHaveLength(1);
    expect(await zoneErrors('main/electron/probe.ts', code)).toHaveLength(0);
  });

  it('allows Node modules in main/', async () => {
    expect(
      await zoneErrors('main/app/probe.ts', "import { join } from 'node:path';\nexport const x = join;\n"),
    ).toHaveLength(0);
  });
});
