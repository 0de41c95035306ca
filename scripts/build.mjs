// Builds the renderer (browser bundle + workers + CSS + HTML) and the thin Electron shell
// with esbuild. Output: dist/renderer (served by browser mode and Electron) and dist/electron.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { headlessBlocklyPlugin } from './headless-blockly-plugin.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist');
const rendererOut = join(out, 'renderer');

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });

rmSync(out, { recursive: true, force: true });
mkdirSync(rendererOut, { recursive: true });

// Workers are any renderer file named *.worker.ts or *.program-worker.ts; each becomes
// dist/renderer/<basename>.js next to main.js (the CSP gives program workers eval, nothing else).
const workerEntries = walk(join(root, 'renderer'))
  .filter((file) => /\.(program-)?worker\.ts$/.test(file))
  .map((file) => ({ in: file, out: file.split('/').pop().replace(/\.ts$/, '') }));

const common = {
  bundle: true,
  sourcemap: true,
  logLevel: 'warning',
  target: 'es2022',
  legalComments: 'none',
};

await build({
  ...common,
  entryPoints: [{ in: join(root, 'renderer/main.ts'), out: 'main' }, ...workerEntries],
  outdir: rendererOut,
  format: 'esm',
  platform: 'browser',
  // No source map next to what browser mode serves: it would hand out the sources and local paths.
  sourcemap: false,
  loader: { '.svg': 'text', '.md': 'text' },
});

// CSS: every file in renderer/styles, in name order, into one app.css.
const styles = walk(join(root, 'renderer/styles'))
  .filter((file) => file.endsWith('.css'))
  .sort()
  .map((file) => `/* ${relative(root, file)} */\n${readFileSync(file, 'utf8')}`)
  .join('\n');
writeFileSync(join(rendererOut, 'app.css'), styles);
cpSync(join(root, 'renderer/index.html'), join(rendererOut, 'index.html'));
for (const dir of ['renderer/assets']) {
  try {
    cpSync(join(root, dir), join(rendererOut, 'assets'), { recursive: true });
  } catch {
    // optional folder
  }
}

// Blockly's media (zoom-control sprites, cursors, sounds), served next to main.js.
cpSync(join(root, 'node_modules/blockly/media'), join(rendererOut, 'blockly-media'), { recursive: true });

// Electron shell: main process (ESM source → CJS bundle, native modules stay external) and
// the sandboxed preload (must be a single CommonJS file).
await build({
  ...common,
  entryPoints: [
    { in: join(root, 'main/electron/electron-main.ts'), out: 'main' },
    { in: join(root, 'main/electron/preload.ts'), out: 'preload' },
  ],
  outdir: join(out, 'electron'),
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: [
    'electron',
    'sqlite3',
    'serialport',
    '@serialport/*',
    'johnny-five',
    'firmata-io',
    'avr8js',
    'exceljs',
    'ws',
    'esbuild',
  ],
  // Lesson checks generate programs headlessly in main: Blockly is bundled, without jsdom.
  plugins: [headlessBlocklyPlugin(root)],
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
});
// The virtual Uno's worker thread, next to main.cjs (main/virtual-uno/virtual-uno.ts loads
// ./virtual-uno-worker.js when it is not running from TypeScript sources). ESM, because the
// package is "type": "module".
await build({
  ...common,
  entryPoints: [{ in: join(root, 'main/virtual-uno/virtual-uno-worker.ts'), out: 'virtual-uno-worker' }],
  outdir: join(out, 'electron'),
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['avr8js'],
});
// The lesson checker's thread (main/lessons/check/scenario-worker-entry.ts loads
// ./scenario-worker.js next to main.cjs when not running from TypeScript sources).
await build({
  ...common,
  entryPoints: [{ in: join(root, 'main/lessons/check/scenario-worker.ts'), out: 'scenario-worker' }],
  outdir: join(out, 'electron'),
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['avr8js', 'johnny-five', 'firmata-io', '@sinonjs/fake-timers', 'serialport', '@serialport/*'],
});
console.log(`build: renderer (${workerEntries.length} workers) and electron shell in dist/`);
