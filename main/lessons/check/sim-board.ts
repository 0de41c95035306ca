/**
 * The board side of a behaviour check, on the check thread's ONE fake clock: the kit firmware on
 * an in-process virtual Uno core, johnny-five + firmata-io on a byte stream to its UART, and the
 * board session — connected exactly as a real board is. Booting does not depend on the scenario,
 * so a spare thread boots its board while it waits for one (the firmware boot and the Firmata
 * handshake are then off the child's wait, and the thread's JIT is warm when the scenario comes).
 *
 * `step()` advances the AVR and then JavaScript to the same simulated time: the AVR runs in 1 ms
 * slices up to the next JavaScript timer (at least 1 ms, at most MAX_STEP_MS), and stops after
 * the slice in which the firmware sent bytes, which JavaScript then receives. Nothing on the
 * JavaScript side can happen in between (it moves only on timers and received bytes). Timers due
 * in a step fire after it, each at its own time on the fake clock, with promise chains settling
 * between them.
 */
import type { install } from '@sinonjs/fake-timers';
import type { Logger } from '../../app/logger';
import { BoardSession } from '../../board/board-session';
import { classifyFirmware } from '../../board/chispa-firmware';
import { FirmataStream } from '../../board/firmata-stream';
import { connectJohnnyFive, type JohnnyFiveStack } from '../../board/johnny-five-stack';
import { VirtualUnoCore } from '../../virtual-uno/virtual-uno-core';
import { CLOCK_HZ } from '../../virtual-uno/uno-mcu';

/** Simulated ms per AVR slice: how late at most JavaScript sees what the firmware sent. */
export const SLICE_MS = 1;
/** Longest step: bounds the pin trace's sampling interval while nothing else happens. */
const MAX_STEP_MS = 10;
const CYCLES_PER_MS = CLOCK_HZ / 1000;
const SLICE_CYCLES = SLICE_MS * CYCLES_PER_MS;
const HANDSHAKE_BUDGET_MS = 5000;

export type InstalledClock = ReturnType<typeof install>;

export interface SimBoard {
  core: VirtualUnoCore;
  session: BoardSession;
  /** Runs the AVR, then due timers, up to the same simulated time. */
  step(): Promise<void>;
  /** Lets promise chains settle (call after starting JavaScript work outside a step). */
  settle(): Promise<void>;
  close(): void;
}

const quietLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** When the next fake timer is due (the clock's heap; Infinity when none is pending). */
const nextTimerAt = (clock: InstalledClock): number =>
  (clock as unknown as { timerHeap?: { peek(): { callAt: number } | undefined } }).timerHeap?.peek()?.callAt ??
  Infinity;

export const bootSimBoard = async (
  flashHex: string,
  clock: InstalledClock,
  yieldToMicrotasks: () => Promise<void>,
  /** Called after every step (the worker turns it into a real-time heartbeat). */
  onStep: () => void = () => undefined,
): Promise<SimBoard> => {
  const core = new VirtualUnoCore({ flashHex });
  const stream = new FirmataStream((bytes, done) => {
    core.uartWrite(new Uint8Array(bytes));
    queueMicrotask(() => done(null));
  });
  let received: number[] = [];
  core.onUartTransmit((byte) => received.push(byte));
  // Lets promise chains settle (one real event-loop turn): after anything that ran JavaScript.
  const settle = yieldToMicrotasks;

  const step = async (): Promise<void> => {
    const now = core.simTimeMs;
    const target = Math.max(now + SLICE_MS, Math.min(now + MAX_STEP_MS, nextTimerAt(clock)));
    const end = Math.ceil(target * CYCLES_PER_MS);
    do core.runCycles(Math.min(SLICE_CYCLES, end - core.cycles));
    while (core.cycles < end && received.length === 0);
    if (received.length > 0) {
      const bytes = Buffer.from(received);
      received = [];
      stream.push(bytes);
      await settle();
    }
    // Fire due timers one time slot at a time, letting promise chains settle after each.
    for (let due = nextTimerAt(clock); due <= core.simTimeMs; due = nextTimerAt(clock)) {
      clock.tick(Math.max(0, due - clock.now));
      await settle();
    }
    if (clock.now < core.simTimeMs) clock.tick(core.simTimeMs - clock.now); // fires nothing: all due ran
    onStep();
  };

  const handshake = connectJohnnyFive(stream, { timeoutMs: HANDSHAKE_BUDGET_MS, logger: quietLogger });
  let connected: Awaited<typeof handshake> | null = null;
  void handshake.then((result) => (connected = result));
  await settle();
  while (connected === null) await step();
  const result = connected as Awaited<typeof handshake>;
  if (!result.ok) throw new Error(`virtual Uno handshake failed: ${result.reason}`);
  const stack: JohnnyFiveStack = result.stack;
  const session = new BoardSession(stack, {
    chispaFirmware: stack.firmware !== null && classifyFirmware(stack.firmware) !== 'other-firmata',
  });
  return {
    core,
    session,
    step,
    settle,
    close: () => {
      session.close();
      stack.teardown();
    },
  };
};
