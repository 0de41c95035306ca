import { afterEach, describe, expect, it } from 'vitest';
import { jsStringLiteral } from '../../../blocks/safe-embedding';
import { codeFor, runProgram } from './headless-blocks';

/** What injected code would do if it ever ran: set a flag on the global object. */
const payload = 'globalThis.__chispaInjected = (globalThis.__chispaInjected ?? 0) + 1;';
/** Short enough that Blockly's comment wrapping (which would collapse the line break) leaves it alone. */
const shortPayload = '__chispaInjected=1';
const flag = () => (globalThis as { __chispaInjected?: number }).__chispaInjected ?? 0;

const printBlock = (id: string, text: string, extra: Record<string, unknown> = {}) => ({
  type: 'chispa_print',
  id,
  inputs: { VALUE: { block: { type: 'text', id: `${id}-text`, fields: { TEXT: text } } } },
  ...extra,
});
const project = (...blocks: unknown[]) => ({
  blocks: {
    languageVersion: 0,
    blocks: blocks.map((block, index) => ({ ...(block as object), x: 10, y: index * 100 })),
  },
});

const run = async (state: unknown) => {
  const printed: unknown[] = [];
  const highlighted: string[] = [];
  const code = codeFor(state);
  await runProgram(code, {
    print: (value: unknown) => void printed.push(value),
    highlight: (id: string) => void highlighted.push(id),
  });
  return { code, printed, highlighted };
};

const breakers = ['\n', '\r', '\r\n', '\u2028', '\u2029'];

describe('project files cannot inject code into the generated program', () => {
  afterEach(() => {
    delete (globalThis as { __chispaInjected?: number }).__chispaInjected;
  });

  it('escapes block ids in api.highlight (quotes, backslashes, line breaks)', async () => {
    const ids = [
      `a');${payload}('`,
      `a\\');${payload}//`,
      ...breakers.map((breaker) => `x${breaker}${payload}//`),
      `$&$1$'${payload}`,
    ];
    const { printed, highlighted } = await run(
      project(...ids.map((id, index) => printBlock(id, `hola ${index}`))),
    );
    expect(flag()).toBe(0);
    expect(highlighted).toEqual(ids);
    expect(printed).toEqual(ids.map((_, index) => `hola ${index}`));
  });

  it('keeps every line of a block comment a comment, whatever line break it uses', async () => {
    const blocks = breakers.map((breaker, index) =>
      printBlock(`c${index}`, 'ok', {
        icons: { comment: { text: `nota${breaker}${shortPayload}`, pinned: false } },
      }),
    );
    const { code, printed } = await run(project(...blocks));
    expect(code).toContain('// nota');
    expect(flag()).toBe(0);
    expect(printed).toEqual(breakers.map(() => 'ok'));
  });

  it('prints text strings exactly as written, with any character in them', async () => {
    const texts = [
      `'); ${payload} ('`,
      `\\'`,
      ...breakers.map((breaker) => `a${breaker}${payload}`),
      '\u0000\u007f',
    ];
    const { printed } = await run(project(...texts.map((text, index) => printBlock(`t${index}`, text))));
    expect(flag()).toBe(0);
    expect(printed).toEqual(texts);
  });

  it('makes literals that evaluate back to the same text', () => {
    for (const text of ['', "'", '\\', '\u2028\u2029', '\r\n\t', '\u0000\u001f', 'ñandú 🤖']) {
      expect(new Function(`return ${jsStringLiteral(text)};`)()).toBe(text);
    }
  });
});
