import { homedir } from 'node:os';
import { join } from 'node:path';
import { ensurePrivateDir } from './atomic-write';

/**
 * One folder holds everything the app writes. CHISPA_DATA_DIR overrides it (tests, portable
 * installs); otherwise it is the OS's per-user app-data place, the same folder Electron's
 * app.getPath('userData') gives for an app named "Chispa".
 */
export const resolveDataDir = (
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string => {
  if (env.CHISPA_DATA_DIR && env.CHISPA_DATA_DIR.trim() !== '') return env.CHISPA_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Chispa');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Chispa');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Chispa');
};

export interface DataLayout {
  root: string;
  database: string;
  backups: string;
  projects: string;
  settings: string;
  logs: string;
  exports: string;
}

export const dataLayout = (root: string): DataLayout => ({
  root,
  database: join(root, 'chispa.sqlite'),
  backups: join(root, 'backups'),
  projects: join(root, 'projects'),
  settings: join(root, 'settings.json'),
  logs: join(root, 'logs'),
  exports: join(root, 'exports'),
});

export const ensureDataLayout = (layout: DataLayout): DataLayout => {
  for (const dir of [layout.root, layout.backups, layout.projects, layout.logs, layout.exports]) {
    ensurePrivateDir(dir);
  }
  return layout;
};
