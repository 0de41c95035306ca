/**
 * Main's build bundles Blockly for the lesson checks (scripts/headless-blockly-plugin.mjs) so the
 * package ships neither node_modules/blockly nor jsdom. This bundles the headless generation the
 * same way, runs it from a folder with no node_modules anywhere above it — as in the package — and
 * expects the very programs the sources (Blockly's Node entry, with jsdom) generate.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { knownBlockTypes, loadHeadlessWorkspace, programCodeFor } from '../../blocks/headless-workspace';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'chispa-main-blockly-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const jsonFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsonFiles(path);
    return entry.name.endsWith('.json') ? [path] : [];
  });
/** Every golden workspace and every lesson workspace (solutions and starters). */
const workspaces = [
  ...jsonFiles(join(root, 'tests/renderer/blocks/golden')),
  ...jsonFiles(join(root, 'lessons')),
]
  .map((file) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
  .filter((json) => typeof json.blocks === 'object');
/** Blocks without an id get a random one, and the program highlights it. */
const sameIds = (code: string) => code.replace(/api\.highlight\('(?:[^'\\]|\\.)*'\)/g, 'api.highlight(ID)');

describe("main's bundled Blockly (no jsdom, no node_modules)", () => {
  it('generates the same programs as the sources, for every golden and lesson workspace', () => {
    const bundle = join(work, 'headless-blocks.cjs');
    const buildScript = `
      import { build } from 'esbuild';
      import { headlessBlocklyPlugin } from './scripts/headless-blockly-plugin.mjs';
      await build({
        entryPoints: ['tests/scripts/fixtures/headless-blocks-entry.ts'],
        bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error',
        outfile: ${JSON.stringify(bundle)},
        plugins: [headlessBlocklyPlugin(process.cwd())],
      });`;
    execFileSync(process.execPath, ['--input-type=module', '-e', buildScript], { cwd: root });
    const text = readFileSync(bundle, 'utf8');
    expect(text).not.toMatch(/require\(["'](blockly|jsdom)/);
    for (let dir = work; dir !== dirname(dir); dir = dirname(dir)) {
      expect(existsSync(join(dir, 'node_modules')), `${dir}/node_modules`).toBe(false);
    }

    expect(workspaces.length).toBeGreaterThan(20);
    const output = execFileSync(process.execPath, [bundle], {
      cwd: work,
      input: JSON.stringify(workspaces),
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const bundled = JSON.parse(output) as {
      programs: string[];
      blockCounts: number[];
      knownBlockTypes: string[];
    };
    expect(bundled.programs.map(sameIds)).toEqual(
      workspaces.map((workspace) => sameIds(programCodeFor(workspace))),
    );
    expect(bundled.blockCounts).toEqual(
      workspaces.map((workspace) => {
        const loaded = loadHeadlessWorkspace(workspace, 'en');
        const count = loaded.getAllBlocks(false).length;
        loaded.dispose();
        return count;
      }),
    );
    expect(bundled.knownBlockTypes).toEqual([...knownBlockTypes()].sort());
  }, 120_000);
});
