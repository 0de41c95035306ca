// `npm start`: builds and runs the Electron app: the binary the electron package downloaded, or
// the one in ELECTRON_OVERRIDE_DIST_PATH (a local Electron folder, as the electron package reads
// it). Where no binary is found (its download is blocked on some networks) it says so in one
// sentence and points to browser mode. `--check` only answers whether a binary is there.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Where the electron package itself looks when ELECTRON_OVERRIDE_DIST_PATH names a local Electron. */
const PLATFORM_BINARY = {
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
};

const electronBinary = () => {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, PLATFORM_BINARY[process.platform] ?? 'electron');
    return existsSync(binary) ? binary : null;
  }
  try {
    const packageDir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
};

const binary = electronBinary();
if (process.argv.includes('--check')) process.exit(binary ? 0 : 1);
if (!binary) {
  console.error(
    'Chispa: the Electron program is not installed on this machine (its download was skipped or blocked), so run Chispa in your browser instead with: npm run start:web',
  );
  process.exit(1);
}
const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const child = spawn(binary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
