import { describe, expect, it } from 'vitest';
import {
  boardCallBurst,
  maxBoardCallsPerSecond,
  maxBufferedLines,
  maxWritesInFlight,
  messagesPerSecond,
  startProgramHost,
  type HostClock,
} from '../../../renderer/runner/program-host';
import type { PageToWorker, WorkerToPage } from '../../../renderer/runner/program-protocol';

/** A manual clock: time moves only when the test says, timers fire in order. */
const manualClock = () => {
  let now = 0;
  const timers: Array<{ at: number; callback: () => void }> = [];
  const clock: HostClock = {
    now: () => now,
    setTimeout(callback, ms) {
      timers.push({ at: now + ms, callback });
      timers.sort((a, b) => a.at - b.at);
      return timers.length;
    },
  };
  return {
    clock,
    advance(ms: number) {
      now += ms;
      while (timers.length && timers[0].at <= now) timers.shift()?.callback();
    },
    setNow(value: number) {
      now = value;
    },
  };
};

const host = (
  clock: HostClock = { now: () => performance.now(), setTimeout: (f, ms) => setTimeout(f, ms) },
) => {
  const sent: WorkerToPage[] = [];
  let deliver: (message: PageToWorker) => void = () => {};
  startProgramHost(
    { postMessage: (message) => sent.push(message), onMessage: (listener) => (deliver = listener) },
    clock,
  );
  const until = async (predicate: () => boolean) => {
    for (let i = 0; i < 200 && !predicate(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(predicate()).toBe(true);
  };
  return { sent, send: (message: PageToWorker) => deliver(message), until };
};

describe('program host (worker side of the runner)', () => {
  it('sends board calls with the running block and resumes the program with the reply', async () => {
    const { sent, send, until } = host();
    send({
      type: 'start',
      code: "api.highlight('b1'); await api.digitalWrite(13, true); api.highlight('b2'); const v = await api.analogRead(0); api.print('A0=' + v);",
    });
    await until(() => sent.some((m) => m.type === 'call'));
    expect(sent.find((m) => m.type === 'call')).toEqual({
      type: 'call',
      id: 1,
      command: { op: 'digitalWrite', pin: 13, value: 1 },
      blockId: 'b1',
    });
    send({ type: 'reply', id: 1, value: null });
    await until(() => sent.filter((m) => m.type === 'call').length === 2);
    expect(sent.filter((m) => m.type === 'call')[1]).toMatchObject({
      id: 2,
      command: { op: 'analogRead', pin: 0 },
      blockId: 'b2',
    });
    send({ type: 'reply', id: 2, value: 512 });
    await until(() => sent.some((m) => m.type === 'done'));
    const prints = sent.filter((m) => m.type === 'print').flatMap((m) => (m.type === 'print' ? m.lines : []));
    expect(prints).toEqual(['A0=512']);
    // Everything before 'done' arrived before it (the last prints are flushed first).
    expect(sent.at(-1)).toEqual({ type: 'done' });
  });

  it('reports an exception with the block that was running', async () => {
    const { sent, send, until } = host();
    send({ type: 'start', code: "api.highlight('x'); api.highlight('boom'); null.foo();" });
    await until(() => sent.some((m) => m.type === 'fault'));
    expect(sent.at(-1)).toMatchObject({
      type: 'fault',
      blockId: 'boom',
      fault: { kind: 'exception', name: 'TypeError' },
    });
  });

  it('reports a value the board cannot use before sending anything', async () => {
    const { sent, send, until } = host();
    send({ type: 'start', code: "api.highlight('w'); await api.digitalWrite(42, 1);" });
    await until(() => sent.some((m) => m.type === 'fault'));
    expect(sent.some((m) => m.type === 'call')).toBe(false);
    expect(sent.at(-1)).toEqual({
      type: 'fault',
      blockId: 'w',
      fault: { kind: 'invalid', key: 'runner.error.pin', params: { value: '42' } },
    });
  });

  it('reports code that does not compile as a syntax fault', async () => {
    const { sent, send, until } = host();
    send({ type: 'start', code: 'while (' });
    await until(() => sent.length > 0);
    expect(sent).toEqual([
      { type: 'fault', blockId: null, fault: { kind: 'syntax', detail: expect.any(String) } },
    ]);
  });

  it('hides worker globals from the program', async () => {
    const { sent, send, until } = host();
    send({
      type: 'start',
      code: 'api.print([typeof fetch, typeof self, typeof postMessage, typeof importScripts, typeof WebSocket].join());',
    });
    await until(() => sent.some((m) => m.type === 'done'));
    expect(sent.find((m) => m.type === 'print')).toMatchObject({
      lines: ['undefined,undefined,undefined,undefined,undefined'],
    });
  });

  it('waits with the clock and counts millis from the start', async () => {
    const manual = manualClock();
    const { sent, send } = host(manual.clock);
    manual.setNow(1000);
    send({
      type: 'start',
      code: "await api.wait(250); api.print(api.millis()); await api.wait('x'); api.print(api.millis());",
    });
    await Promise.resolve();
    manual.advance(249);
    await Promise.resolve();
    expect(sent).toEqual([]);
    manual.advance(1);
    // 'x' waits 0 ms (a timer at the same instant); the second print is flushed before 'done'.
    for (let i = 0; i < 10 && !sent.some((m) => m.type === 'done'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      manual.advance(0);
    }
    expect(sent.at(-1)).toEqual({ type: 'done' });
    expect(sent.flatMap((m) => (m.type === 'print' ? m.lines : []))).toEqual(['250', '250']);
  });

  it('limits highlight and print messages in a loop with no await, keeping the newest lines', async () => {
    // Time advances a little on every clock read, as it would during a busy loop.
    let now = 0;
    const timers: Array<() => void> = [];
    const { sent, send, until } = host({
      now: () => (now += 0.05),
      setTimeout: (callback) => timers.push(callback),
    });
    send({
      type: 'start',
      code: "for (let i = 0; i < 20000; i++) { api.highlight('b' + (i % 7)); api.print(i); }",
    });
    await until(() => sent.some((m) => m.type === 'done'));
    const elapsed = now;
    const slots = Math.ceil(elapsed / (1000 / messagesPerSecond)) + 1;
    const highlights = sent.filter((m) => m.type === 'highlight');
    const prints = sent.filter((m) => m.type === 'print');
    expect(elapsed).toBeGreaterThan(1000);
    expect(highlights.length).toBeGreaterThan(1);
    expect(highlights.length).toBeLessThanOrEqual(slots);
    expect(prints.length).toBeLessThanOrEqual(slots + 1);
    let lines = 0;
    let dropped = 0;
    for (const message of prints) {
      if (message.type !== 'print') continue;
      expect(message.lines.length).toBeLessThanOrEqual(maxBufferedLines);
      lines += message.lines.length;
      dropped += message.dropped;
    }
    // Nothing is lost silently: shown + counted as dropped = printed, and the last line is there.
    expect(lines + dropped).toBe(20000);
    const last = prints.at(-1);
    expect(last?.type === 'print' && last.lines.at(-1)).toBe('19999');
  });

  it('lets writes run ahead of their answers, at most a window of them, and ends after the last answer', async () => {
    const { sent, send, until } = host();
    send({ type: 'start', code: 'for (let i = 0; i < 20; i++) await api.digitalWrite(13, i % 2);' });
    await until(() => sent.filter((m) => m.type === 'call').length === maxWritesInFlight);
    await new Promise((resolve) => setTimeout(resolve, 30));
    // No answers yet: the program waits for a slot instead of flooding the page.
    expect(sent.filter((m) => m.type === 'call')).toHaveLength(maxWritesInFlight);
    for (let id = 1; id <= 20; id++) {
      await until(() => sent.some((m) => m.type === 'call' && m.id === id));
      expect(sent.some((m) => m.type === 'done')).toBe(false);
      send({ type: 'reply', id, value: null });
    }
    await until(() => sent.some((m) => m.type === 'done'));
    expect(sent.filter((m) => m.type === 'call').map((m) => (m.type === 'call' ? m.command : null))).toEqual(
      Array.from({ length: 20 }, (_, i) => ({ op: 'digitalWrite', pin: 13, value: i % 2 })),
    );
  });

  it('paces a loop of board calls with no wait to maxBoardCallsPerSecond after a short burst', async () => {
    const manual = manualClock();
    const { sent, send } = host(manual.clock);
    const calls = () => sent.filter((m) => m.type === 'call');
    // Every read is answered at once, as a board with a cached value would.
    const answer = async () => {
      for (let round = 0; round < 20; round++) {
        for (const call of calls())
          if (call.type === 'call' && !answered.has(call.id)) {
            answered.add(call.id);
            send({ type: 'reply', id: call.id, value: 0 });
          }
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const answered = new Set<number>();
    send({ type: 'start', code: 'while (true) { await api.digitalRead(2); }' });
    await answer();
    expect(calls()).toHaveLength(boardCallBurst);
    // One second later, one more second's worth (and no more) has gone.
    for (let ms = 0; ms < 1000; ms++) {
      manual.advance(1);
      await answer();
    }
    expect(calls().length).toBeGreaterThanOrEqual(boardCallBurst + maxBoardCallsPerSecond - 1);
    expect(calls().length).toBeLessThanOrEqual(boardCallBurst + maxBoardCallsPerSecond + 1);
  });
});
