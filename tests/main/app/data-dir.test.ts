import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataLayout, ensureDataLayout, resolveDataDir } from '../../../main/app/data-dir';
import { silentLogger } from '../../../main/app/logger';
import { createSettingsStore } from '../../../main/app/settings-store';

describe('data directory', () => {
  it('uses CHISPA_DATA_DIR when set', () => {
    expect(resolveDataDir({ CHISPA_DATA_DIR: '/tmp/x' }, 'linux', '/home/ana')).toBe('/tmp/x');
  });
  it('defaults to the per-user app-data place of each OS', () => {
    expect(resolveDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Chispa');
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ana')).toBe('/cfg/Chispa');
    expect(
      resolveDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana'),
    ).toMatch(/Roaming.Chispa$/);
    expect(resolveDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Chispa');
  });
  it('keeps database, backups, projects, settings and logs under the one folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'chispa-layout-'));
    const layout = ensureDataLayout(dataLayout(root));
    for (const path of Object.values(layout)) expect(path.startsWith(root)).toBe(true);
    for (const dir of [layout.backups, layout.projects, layout.logs, layout.exports])
      expect(existsSync(dir)).toBe(true);
    rmSync(root, { recursive: true, force: true });
  });
  it('keeps a damaged settings file aside instead of overwriting it', () => {
    const root = mkdtempSync(join(tmpdir(), 'chispa-settings-'));
    const file = join(root, 'settings.json');
    writeFileSync(file, '{ not json');
    const store = createSettingsStore(file, silentLogger);
    expect(store.get().language).toBe('es');
    expect(readdirSync(root).some((name) => name.startsWith('settings.json.damaged-'))).toBe(true);
    rmSync(root, { recursive: true, force: true });
  });
});
