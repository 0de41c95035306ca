/**
 * Editor figures (issue 5):
 *   editor.codegen-500-blocks  generating the program for a 500-block workspace (kit blocks
 *                              inside loops, ifs and a function), headless Blockly in Node;
 *                              median of 30 runs after a warm-up
 *   editor.renderer-ready      navigation start → body[data-ready=true] with the editor mounted
 *                              (Blockly injected, autosave restored) in Debian's Chromium in
 *                              browser mode; median of 5 loads (the first, cold one printed too)
 */
import { performance } from 'node:perf_hooks';
import * as Blockly from 'blockly';
import { generateProgramCode } from '../blocks/generate-program';
import { registerChispaBlocks } from '../blocks/register-blocks';
import { startApp } from '../tests/e2e/helpers/app-process';
import { openBrowser } from '../tests/e2e/helpers/browser';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

type BlockJson = { type: string; [key: string]: unknown };
const num = (value: number) => ({ shadow: { type: 'math_number', fields: { NUM: value } } });

/** A chain of statements: each item becomes `next` of the one before. */
const chain = (blocks: BlockJson[]): BlockJson =>
  blocks.reduceRight<BlockJson | undefined>(
    (next, block) => (next ? { ...block, next: { block: next } } : block),
    undefined,
  )!;

/** One loop of 20 blocks that children write: LEDs, waits, a sensor test, a note, a print, a call. */
const lesson = (index: number): BlockJson[] => [
  { type: 'chispa_led_set', fields: { PIN: '13', STATE: '1' } },
  { type: 'chispa_wait_ms', inputs: { MS: num(200 + index) } },
  { type: 'chispa_led_set', fields: { PIN: '13', STATE: '0' } },
  {
    type: 'controls_if',
    inputs: {
      IF0: {
        block: {
          type: 'logic_compare',
          fields: { OP: 'LT' },
          inputs: { A: { block: { type: 'chispa_light_level', fields: { CHANNEL: '1' } } }, B: num(30) },
        },
      },
      DO0: { block: { type: 'chispa_led_brightness', fields: { PIN: '9' }, inputs: { PERCENT: num(80) } } },
    },
  },
  {
    type: 'chispa_tone',
    fields: { PIN: '8' },
    inputs: { FREQUENCY: { block: { type: 'chispa_note', fields: { NOTE: '440' } } }, DURATION: num(100) },
  },
  {
    type: 'chispa_print',
    inputs: { VALUE: { block: { type: 'chispa_distance_cm', fields: { PIN: '7' } } } },
  },
  {
    type: 'chispa_servo_write',
    fields: { PIN: '9' },
    inputs: { ANGLE: { block: { type: 'chispa_potentiometer' } } },
  },
  { type: 'procedures_callnoreturn', extraState: { name: 'saludar' } },
];

const buildWorkspaceJson = (loops: number) => ({
  blocks: {
    languageVersion: 0,
    blocks: [
      {
        type: 'procedures_defnoreturn',
        x: 0,
        y: 0,
        fields: { NAME: 'saludar' },
        inputs: {
          STACK: {
            block: chain([
              {
                type: 'chispa_print',
                inputs: { VALUE: { shadow: { type: 'text', fields: { TEXT: 'hola' } } } },
              },
              { type: 'chispa_led_set', fields: { PIN: '12', STATE: '1' } },
              { type: 'chispa_wait_seconds', inputs: { SECONDS: num(1) } },
              { type: 'chispa_timer_reset' },
            ]),
          },
        },
      },
      ...Array.from({ length: loops }, (_, index) => ({
        type: 'controls_repeat_ext',
        x: 0,
        y: 200 + index * 400,
        inputs: { TIMES: num(3), DO: { block: chain(lesson(index)) } },
      })),
    ],
  },
});

const codegenBench = () => {
  const generator = registerChispaBlocks('es');
  // Grow the number of loops until the workspace has at least 500 non-shadow blocks.
  let loops = 1;
  let workspace = new Blockly.Workspace();
  for (;;) {
    workspace.dispose();
    workspace = new Blockly.Workspace();
    Blockly.serialization.workspaces.load(buildWorkspaceJson(loops), workspace);
    if (workspace.getAllBlocks(false).filter((block) => !block.isShadow()).length >= 500) break;
    loops += 1;
  }
  const count = workspace.getAllBlocks(false).filter((block) => !block.isShadow()).length;
  const all = workspace.getAllBlocks(false).length;
  for (let i = 0; i < 5; i++) generateProgramCode(workspace, generator);
  const times: number[] = [];
  let length = 0;
  for (let i = 0; i < 30; i++) {
    const start = performance.now();
    length = generateProgramCode(workspace, generator).length;
    times.push(performance.now() - start);
  }
  console.log(`# ${count} blocks (${all} with shadows), ${length} characters of code`);
  console.log(`bench: editor.codegen-500-blocks = ${median(times).toFixed(2)} ms`);
  workspace.dispose();
};

/** Records when body[data-ready] turns true, in the page's own clock (ms since navigation start). */
const readyProbe = `
  new MutationObserver((_, observer) => {
    if (document.body && document.body.dataset.ready === 'true') {
      window.__chispaReadyAt = performance.now();
      window.__chispaEditorMounted = !!document.querySelector('#region-workspace .blocklySvg');
      observer.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
`;

const rendererReadyBench = async () => {
  const app = await startApp();
  const session = await openBrowser();
  try {
    await session.page.addInitScript({ content: readyProbe });
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      await session.page.goto(i === 0 ? app.url : session.page.url());
      await session.page.waitForSelector('body[data-ready="true"]');
      await session.page.waitForFunction('window.__chispaReadyAt !== undefined');
      if (!(await session.page.evaluate('window.__chispaEditorMounted')))
        throw new Error('editor was not mounted');
      times.push((await session.page.evaluate('window.__chispaReadyAt')) as number);
    }
    const [cold, ...warm] = times;
    console.log(
      `# cold load ${cold.toFixed(0)} ms; loads: ${times.map((time) => time.toFixed(0)).join(', ')}`,
    );
    console.log(`bench: editor.renderer-ready = ${median(warm).toFixed(0)} ms`);
  } finally {
    await session.close();
    await app.stop();
  }
};

codegenBench();
await rendererReadyBench();
