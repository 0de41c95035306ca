import { describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../common/ipc/app-error';
import type { BoardStatus } from '../../../common/ipc/contract-board';
import { createClient } from '../../../renderer/ipc/client';
import { createBoardLink, shouldConnectVirtual } from '../../../renderer/runner/board-link';
import { stopOnBoardLoss } from '../../../renderer/runner/board-loss';
import { BoardCallFailed, BoardNotReady } from '../../../renderer/runner/program-runner';

const status = (patch: Partial<BoardStatus>): BoardStatus => ({
  state: 'idle',
  target: null,
  firmware: null,
  messageKey: null,
  canPrepare: false,
  ...patch,
});

/** A main side in a box: answers calls from a table and emits events on demand. */
const fakeMain = (answer: (name: string, args: unknown) => IpcResult<unknown>) => {
  const listeners = new Set<(name: string, payload: unknown) => void>();
  const calls: Array<{ name: string; args: unknown }> = [];
  const client = createClient({
    async call(name, args) {
      calls.push({ name, args });
      return answer(name, args);
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  const emit = (name: string, payload: unknown) => {
    for (const listener of listeners) listener(name, payload);
  };
  return { client, calls, emit, listenerCount: () => listeners.size };
};

describe('board link (the runner’s view of the board)', () => {
  it('connects the virtual board when none is connected and waits for ready', async () => {
    const main = fakeMain((name) =>
      name === 'board.status'
        ? { ok: true, value: status({}) }
        : { ok: true, value: status({ state: 'connecting', target: { kind: 'virtual' } }) },
    );
    const link = createBoardLink(main.client);
    const prepared = link.prepare(new AbortController().signal);
    await new Promise((resolve) => setTimeout(resolve, 20));
    main.emit('board.state', status({ state: 'ready', target: { kind: 'virtual' } }));
    await expect(prepared).resolves.toBeUndefined();
    expect(main.calls.map((call) => call.name)).toEqual(['board.status', 'board.connect']);
    expect(main.calls[1].args).toEqual({ target: { kind: 'virtual' } });
    // Only the link's own state cache still listens (the wait's listener is gone).
    expect(main.listenerCount()).toBe(1);
  });

  it('skips asking when main already announced a ready board, until the bridge drops', async () => {
    const main = fakeMain(() => ({
      ok: true,
      value: status({ state: 'ready', target: { kind: 'virtual' } }),
    }));
    const link = createBoardLink(main.client);
    main.emit('board.state', status({ state: 'ready', target: { kind: 'virtual' } }));
    await link.prepare(new AbortController().signal);
    expect(main.calls).toEqual([]);
    main.emit('board.state', status({ state: 'connecting', target: { kind: 'virtual' } }));
    await link.prepare(new AbortController().signal);
    expect(main.calls.map((call) => call.name)).toEqual(['board.status']);
  });

  it("does not replace a real board that needs firmware: it says why, in the board's words", async () => {
    const main = fakeMain(() => ({
      ok: true,
      value: status({
        state: 'no-firmware',
        target: { kind: 'serial', path: '/dev/ttyUSB0' },
        messageKey: 'board.error.no-firmware',
      }),
    }));
    const error = await createBoardLink(main.client)
      .prepare(new AbortController().signal)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoardNotReady);
    expect((error as BoardNotReady).friendly).toEqual({ key: 'board.error.no-firmware', params: {} });
    expect(main.calls.map((call) => call.name)).toEqual(['board.status']);
  });

  it('decides when Run may use the virtual board', () => {
    expect(shouldConnectVirtual(status({}))).toBe(true);
    expect(shouldConnectVirtual(status({ state: 'lost', target: { kind: 'virtual' } }))).toBe(true);
    expect(shouldConnectVirtual(status({ state: 'lost', target: { kind: 'serial', path: 'COM3' } }))).toBe(
      false,
    );
    expect(shouldConnectVirtual(status({ state: 'ready', target: { kind: 'serial', path: 'COM3' } }))).toBe(
      false,
    );
  });

  it('sends commands and turns error values into BoardCallFailed', async () => {
    const main = fakeMain((_name, args) =>
      (args as { command: { op: string } }).command.op === 'digitalRead'
        ? { ok: true, value: { value: 1 } }
        : { ok: false, error: { code: 'board.not-connected', messageKey: 'board.error.not-connected' } },
    );
    const link = createBoardLink(main.client);
    await expect(link.command({ op: 'digitalRead', pin: 2 })).resolves.toBe(1);
    const failure = await link.command({ op: 'allOff' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BoardCallFailed);
    expect((failure as BoardCallFailed).error.code).toBe('board.not-connected');
  });

  it('stops a running program when the board is lost, and only then', () => {
    const main = fakeMain(() => ({ ok: true, value: null }));
    const stops: string[] = [];
    const runner = {
      state: 'running' as 'idle' | 'preparing' | 'running',
      stop: (reason?: string) => stops.push(reason ?? ''),
    };
    stopOnBoardLoss(main.client, runner);
    main.emit('board.state', status({ state: 'connecting', target: { kind: 'virtual' } }));
    main.emit('board.pins', {});
    expect(stops).toEqual([]);
    main.emit(
      'board.state',
      status({ state: 'lost', target: { kind: 'virtual' }, messageKey: 'board.error.lost' }),
    );
    expect(stops).toEqual(['board-lost']);
    runner.state = 'idle';
    main.emit('board.state', status({ state: 'lost', target: { kind: 'virtual' } }));
    expect(stops).toEqual(['board-lost']);
  });
});
