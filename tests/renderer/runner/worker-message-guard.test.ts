import { describe, expect, it } from 'vitest';
import { maxLineLength, messagesPerSecond } from '../../../renderer/runner/program-host';
import { createWorkerMessageGuard } from '../../../renderer/runner/worker-message-guard';

const printMessage = (text: string) => ({ type: 'print', lines: [text], dropped: 0 });

describe('the page checks what comes out of the program worker', () => {
  it('passes prints and highlights at most at twice the host rate, counting the refused lines', () => {
    const guard = createWorkerMessageGuard();
    let passed = 0;
    for (let i = 0; i < 1000; i++) if (guard.accept(printMessage(`line ${i}`), 10 + i * 0.1)) passed += 1;
    expect(passed).toBe(messagesPerSecond * 2);
    expect(guard.takeDropped()).toBe(1000 - passed);
    expect(guard.takeDropped()).toBe(0);
    // A second later the window has moved on.
    expect(guard.accept(printMessage('later'), 1200)).not.toBeNull();
    let highlights = 0;
    for (let i = 0; i < 500; i++)
      if (guard.accept({ type: 'highlight', blockId: 'a' }, 2000)) highlights += 1;
    expect(highlights).toBe(messagesPerSecond * 2);
  });

  it('refuses malformed messages: unknown types, huge or non-text lines, odd ids and faults', () => {
    const guard = createWorkerMessageGuard();
    for (const bad of [
      null,
      'print',
      { type: 'eval' },
      { type: 'print', lines: 'x', dropped: 0 },
      { type: 'print', lines: [{ toString: 1 }], dropped: 0 },
      { type: 'print', lines: ['x'.repeat(maxLineLength + 1)], dropped: 0 },
      { type: 'print', lines: ['x'], dropped: -1 },
      { type: 'highlight', blockId: 'x'.repeat(1000) },
      { type: 'highlight', blockId: 7 },
      { type: 'call', id: 'a', command: {}, blockId: null },
      { type: 'fault', fault: { kind: 'nope' }, blockId: null },
    ]) {
      expect(guard.accept(bad, 0), JSON.stringify(bad)).toBeNull();
    }
    expect(guard.accept({ type: 'done' }, 0)).toEqual({ type: 'done' });
  });
});
