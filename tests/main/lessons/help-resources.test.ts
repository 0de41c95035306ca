/**
 * Help resources: the shipped per-country files load (each entry with an https source), a bad file
 * is reported and left out, lessons:check refuses a help key no country defines, and the country a
 * centre admin chooses is kept in settings.json and decides what the lesson panel gets.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { helpCountries } from '../../../common/help-resources/help-resources';
import { silentLogger } from '../../../main/app/logger';
import { createSettingsStore } from '../../../main/app/settings-store';
import { checkLessonFolder } from '../../../main/lessons/check/check-all-lessons';
import { loadHelpResources } from '../../../main/lessons/help-resources-store';
import { createHelpService } from '../../../main/lessons/help-service';

const lessonsDir = join(import.meta.dirname, '..', '..', '..', 'lessons');
const helpDir = join(lessonsDir, 'help-resources');
const temps: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'chispa-help-'));
  temps.push(dir);
  return dir;
};
afterEach(async () => {
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('shipped help resources', () => {
  it('has one valid file per starting country, every entry with its source', async () => {
    const loaded = await loadHelpResources(helpDir);
    expect(loaded.problems).toEqual([]);
    expect(loaded.files.map((file) => file.country).sort()).toEqual([...helpCountries].sort());
    for (const file of loaded.files) {
      for (const entry of file.entries) {
        expect(entry.source, `${file.country} ${entry.key}`).toMatch(/^https:\/\//);
        expect(entry.contact.trim()).not.toBe('');
      }
    }
  });

  it('reports a file without a source (or named after another country) and leaves it out', async () => {
    const dir = await tempDir();
    const co = JSON.parse(await readFile(join(helpDir, 'co.json'), 'utf8'));
    delete co.entries[0].source;
    await writeFile(join(dir, 'co.json'), JSON.stringify(co));
    await cp(join(helpDir, 'py.json'), join(dir, 'cr.json'));
    await writeFile(join(dir, 'sv.json'), '{ not json');
    const loaded = await loadHelpResources(dir);
    expect(loaded.files).toEqual([]);
    expect(loaded.problems.map((p) => `${p.file} ${p.messageKey}`)).toEqual([
      'co.json lessonFormat.badHelpFile',
      'cr.json lessonFormat.badHelpFile',
      'sv.json lessonFormat.badJson',
    ]);
  });
});

describe('lessons:check and help keys', () => {
  it('fails a lesson that names a help key missing from every country file', async () => {
    const root = await tempDir();
    await cp(join(lessonsDir, 'safety-passwords'), join(root, 'safety-passwords'), { recursive: true });
    await cp(helpDir, join(root, 'help-resources'), { recursive: true });
    for (const file of ['es.md', 'en.md']) {
      const path = join(root, 'safety-passwords', file);
      await writeFile(path, (await readFile(path, 'utf8')).replace('```help\nchild-helpline\n```', '```help\nchild-helpline bus-line\n```'));
    }
    const report = await checkLessonFolder(root, 'safety-passwords', new Set(['safety-passwords']));
    expect(report.problems.map((p) => [p.messageKey, p.params.key])).toEqual([['lessonFormat.unknownHelpKey', 'bus-line']]);
    expect(report.readability?.fernandezHuerta).toBeGreaterThanOrEqual(70);
  }, 120_000);
});

describe('help country setting', () => {
  it('is kept in settings.json and decides the entries (with an empty list where a country has none)', async () => {
    const dir = await tempDir();
    const settingsFile = join(dir, 'settings.json');
    const service = createHelpService({ settings: createSettingsStore(settingsFile, silentLogger), logger: silentLogger, dir: helpDir });
    expect((await service.country()).country).toBeNull();
    const none = await service.resources(['child-helpline']);
    expect(none.country).toBeNull();
    expect(none.entries.es['child-helpline']).toEqual([]);

    expect(service.setCountry('co')).toEqual({ country: 'co' });
    // A restart reads the file again.
    const restarted = createHelpService({ settings: createSettingsStore(settingsFile, silentLogger), logger: silentLogger, dir: helpDir });
    const chosen = await restarted.country();
    expect(chosen.country).toBe('co');
    expect(chosen.countries.map((c) => c.country)).toContain('pa');
    const help = await restarted.resources(['child-helpline', 'report-online']);
    expect(help.country?.name.es).toBe('Colombia');
    expect(help.entries.es['child-helpline'][0]).toMatchObject({ contact: '141', name: 'Línea 141 del ICBF' });
    expect(help.entries.en['report-online'][0].description).toMatch(/report/i);

    restarted.setCountry('bo');
    const bolivia = await restarted.resources(['child-helpline', 'emergency']);
    expect(bolivia.entries.es['child-helpline']).toEqual([]);
    expect(bolivia.entries.es.emergency[0].contact).toBe('110');
  });
});
