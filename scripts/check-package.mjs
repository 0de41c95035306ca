// Packages the Linux app unpacked (`electron-builder --linux --dir`) against a stand-in Electron
// (this machine cannot download Electron; a stub `electron` executable is enough to get past
// configuration and lay out the app) and checks the file list: what the app runs is there, and
// nothing it does not use ships (libraries esbuild already bundled, the tracker's server side,
// sqlite3's sources and build objects). Needs `npm run build` first. Prints the sizes.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar');
const root = new URL('..', import.meta.url).pathname;

/** Must be in the package: the Electron shell and every module main.cjs leaves external. */
const REQUIRED = [
  '/dist/electron/main.cjs',
  '/dist/electron/preload.cjs',
  '/dist/electron/virtual-uno-worker.js',
  '/dist/renderer/index.html',
  '/node_modules/sqlite3/lib/sqlite3.js',
  '/node_modules/sqlite3/build/Release/node_sqlite3.node',
  '/node_modules/bindings/package.json',
  '/node_modules/serialport/package.json',
  '/node_modules/johnny-five/package.json',
  '/node_modules/firmata-io/package.json',
  '/node_modules/avr8js/package.json',
  '/node_modules/exceljs/package.json',
  '/node_modules/ws/package.json',
  '/node_modules/@sinonjs/fake-timers/package.json',
];
/** Must not be: bundled by esbuild (Blockly too: main bundles it without jsdom), the tracker's, or build leftovers. */
const FORBIDDEN = [
  /^\/node_modules\/(zod|lit|lit-html|lit-element|@wokwi|@lit|blockly|jsdom|@xmldom)\//,
  /^\/node_modules\/(pg|pg-[^/]+|pgpass|fastify|@fastify|@electric-sql|chart\.js|echarts|uplot)\//,
  /^\/node_modules\/sqlite3\/(deps|src|node-addon-api)\//,
  /^\/node_modules\/sqlite3\/build\/(deps\/|Release\/(obj|obj\.target|\.deps|node-addon-api)\/|.*\.(a|mk|o)$)/,
  /^\/node_modules\/(node-gyp|prebuild-install)\//,
  /\.map$/,
];

const walk = (dir, prefix = '') =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full, `${prefix}/${name}`) : [`${prefix}/${name}`];
  });

if (!existsSync(join(root, 'dist/electron/main.cjs'))) {
  console.error('check-package: run `npm run build` first');
  process.exit(1);
}
/** Modules main.cjs must carry inside (none of them ships in node_modules). */
const bundledOnly = /require\(["'](blockly|jsdom|zod|@xmldom\/xmldom)(\/[^"']*)?["']\)/;
const leftOut = readFileSync(join(root, 'dist/electron/main.cjs'), 'utf8').match(bundledOnly);
if (leftOut) {
  console.error(`check-package: dist/electron/main.cjs loads ${leftOut[1]} from node_modules; bundle it`);
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), 'chispa-package-'));
try {
  const electronDist = join(work, 'electron-dist');
  mkdirSync(electronDist);
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho "stand-in Electron"\n');
  chmodSync(join(electronDist, 'electron'), 0o755);
  const output = join(work, 'out');
  execFileSync(
    join(root, 'node_modules/.bin/electron-builder'),
    ['--linux', '--dir', `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const resources = join(output, 'linux-unpacked/resources');
  const packed = asar.listPackage(join(resources, 'app.asar'), { isPack: false });
  const unpacked = existsSync(join(resources, 'app.asar.unpacked'))
    ? walk(join(resources, 'app.asar.unpacked'))
    : [];
  const files = new Set([...packed, ...unpacked]);
  const problems = [
    ...REQUIRED.filter((path) => !files.has(path)).map((path) => `missing: ${path}`),
    ...[...files]
      .filter((path) => FORBIDDEN.some((rule) => rule.test(path)))
      .map((path) => `should not ship: ${path}`),
  ];
  const bytes = (path) => statSync(path).size;
  const unpackedBytes = unpacked.reduce(
    (sum, path) => sum + bytes(join(resources, 'app.asar.unpacked', path)),
    0,
  );
  console.log(
    `check-package: app.asar ${(bytes(join(resources, 'app.asar')) / 1e6).toFixed(1)} MB, ` +
      `app.asar.unpacked ${(unpackedBytes / 1e6).toFixed(1)} MB, ${files.size} files`,
  );
  if (problems.length > 0) {
    console.error(`check-package: ${problems.length} problem(s)\n${problems.slice(0, 50).join('\n')}`);
    process.exit(1);
  }
  console.log('check-package: ok');
} finally {
  rmSync(work, { recursive: true, force: true });
}
