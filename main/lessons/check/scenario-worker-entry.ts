/**
 * Where a behaviour-check thread starts. From the built app: scenario-worker.js next to the main
 * bundle (scripts/build.mjs). From the TypeScript sources (tests, `tsx`, lessons:check): the
 * worker is bundled once per process with esbuild into node_modules/.cache (so its packages
 * resolve) — loading one plain file per check instead of compiling every module through tsx's
 * hooks in each new thread, which made every check pay seconds of start-up.
 */
import { mkdirSync, renameSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

let bundled: Promise<URL> | null = null;

const bundleFromSources = async (): Promise<URL> => {
  const { build } = await import('esbuild');
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const outDir = `${root}node_modules/.cache/chispa`;
  mkdirSync(outDir, { recursive: true });
  // Built under a private name, then renamed over the shared one: processes never see half a file.
  const partial = `${outDir}/scenario-worker-${process.pid}.partial.mjs`;
  const outfile = `${outDir}/scenario-worker.mjs`;
  await build({
    entryPoints: [fileURLToPath(new URL('./scenario-worker.ts', import.meta.url))],
    outfile: partial,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['avr8js', 'johnny-five', 'firmata-io', '@sinonjs/fake-timers', 'serialport', '@serialport/*'],
    logLevel: 'silent',
  });
  renameSync(partial, outfile);
  return pathToFileURL(outfile);
};

export const scenarioWorkerUrl = (): Promise<URL> => {
  if (!import.meta.url.endsWith('.ts')) return Promise.resolve(new URL('./scenario-worker.js', import.meta.url));
  bundled ??= bundleFromSources();
  return bundled;
};
