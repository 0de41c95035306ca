/**
 * The board session on the virtual Uno keeps a loop with no wait from flooding the 57600-baud
 * link: writes that change nothing are not sent, and a burst of writes that do change something
 * waits for the wire instead of queueing ahead of it. A level or angle the program keeps asking
 * for is re-sent at most every OUTPUT_REFRESH_MS, so a write the board never got heals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardCommand } from '../../../common/ipc/contract-board';
import { silentLogger } from '../../../main/app/logger';
import { createBoardService, type BoardService } from '../../../main/board/board-service';
import { OUTPUT_REFRESH_MS } from '../../../main/board/board-session';
import { LINK_MAX_BACKLOG_BYTES } from '../../../main/board/link-budget';
import { BoardEventRecorder, FIRMWARE_HEX_PATH } from './board-test-kit';

describe('board session pacing on the virtual Uno', () => {
  const recorder = new BoardEventRecorder();
  let service: BoardService;
  const bytes = () => service.inspect()!.stack.bytesWritten();
  /** Bytes on the wire for a command sent `times` times in a row (all awaited together). */
  const bytesFor = async (command: BoardCommand, times: number) => {
    const before = bytes();
    await Promise.all(Array.from({ length: times }, () => service.command(command)));
    return bytes() - before;
  };

  beforeAll(async () => {
    service = createBoardService({
      events: recorder.events,
      logger: silentLogger,
      firmwareHexPath: FIRMWARE_HEX_PATH,
    });
    expect((await service.connect({ kind: 'virtual' })).state).toBe('ready');
  });

  afterAll(async () => {
    await service?.dispose();
  });

  it('sends a repeated LED level, brightness, endless tone or silence once', async () => {
    expect(await bytesFor({ op: 'digitalWrite', pin: 13, value: 1 }, 1)).toBeGreaterThan(0);
    expect(await bytesFor({ op: 'digitalWrite', pin: 13, value: 1 }, 100)).toBe(0);
    expect(await bytesFor({ op: 'digitalWrite', pin: 13, value: 0 }, 100)).toBe(3);
    expect(await bytesFor({ op: 'pwmWrite', pin: 9, value: 100 }, 1)).toBeGreaterThan(0);
    expect(await bytesFor({ op: 'pwmWrite', pin: 9, value: 100 }, 100)).toBe(0);
    expect(await bytesFor({ op: 'tone', pin: 8, frequency: 440 }, 1)).toBeGreaterThan(0);
    expect(await bytesFor({ op: 'tone', pin: 8, frequency: 440 }, 100)).toBe(0);
    expect(await bytesFor({ op: 'tone', pin: 8, frequency: 440, durationMs: 0 }, 100)).toBe(0);
    expect(await bytesFor({ op: 'noTone', pin: 8 }, 100)).toBe(5);
    expect(await bytesFor({ op: 'servoWrite', pin: 6, angle: 30 }, 1)).toBeGreaterThan(0);
    expect(await bytesFor({ op: 'servoWrite', pin: 6, angle: 30 }, 100)).toBe(0);
    const hz = await recorder.waitForPins('servo pulse on D6', (pins) => pins.servoPulseUs['6']);
    expect(hz).toBeGreaterThan(0);
  });

  it('sends every timed tone (each restarts the note) and keeps the LED level right after allOff', async () => {
    expect(await bytesFor({ op: 'tone', pin: 8, frequency: 440, durationMs: 50 }, 3)).toBe(3 * 9);
    await service.command({ op: 'digitalWrite', pin: 12, value: 1 });
    await service.command({ op: 'allOff' });
    expect(await bytesFor({ op: 'digitalWrite', pin: 12, value: 1 }, 1)).toBe(3);
    await recorder.waitForPins('D12 high after allOff', (pins) => pins.digital[12]);
    await service.command({ op: 'allOff' });
  });

  it('makes a burst of changing writes wait for the wire, in order', async () => {
    const session = service.inspect()!.session;
    let worst = 0;
    const writes = Array.from({ length: 400 }, (_, i) =>
      service.command({ op: 'digitalWrite', pin: 13, value: i % 2 === 0 ? 1 : 0 }).then(() => {
        worst = Math.max(worst, session.linkBacklogBytes());
      }),
    );
    await Promise.all(writes);
    // Each write is 3 bytes; the model never holds more than the cap plus the write just made.
    expect(worst).toBeLessThanOrEqual(LINK_MAX_BACKLOG_BYTES + 3);
    expect(worst).toBeGreaterThan(LINK_MAX_BACKLOG_BYTES - 3);
    await recorder.waitForPins('LED 13 low (the last write)', (pins) => !pins.digital[13]);
  });

  it('re-sends a level or an angle the program keeps asking for once OUTPUT_REFRESH_MS passed: a lost write heals', async () => {
    const { io } = service.inspect()!.stack;
    await service.command({ op: 'digitalWrite', pin: 13, value: 1 });
    await service.command({ op: 'servoWrite', pin: 6, angle: 30 });
    await recorder.waitForPins('D13 high, servo at 30°', (pins) =>
      pins.digital[13] && Math.abs((pins.servoPulseUs['6'] ?? 0) - 900) < 20 ? true : undefined,
    );
    // The board loses both behind the session's back, as if the writes never arrived.
    io.digitalWrite(13, 0);
    io.analogWrite(6, 2000);
    await recorder.waitForPins('D13 low, servo elsewhere', (pins) =>
      !pins.digital[13] && Math.abs((pins.servoPulseUs['6'] ?? 0) - 2000) < 20 ? true : undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, OUTPUT_REFRESH_MS + 50));
    // The program keeps asking: each is sent again once (3 bytes each), and the board follows.
    expect(await bytesFor({ op: 'digitalWrite', pin: 13, value: 1 }, 10)).toBe(3);
    expect(await bytesFor({ op: 'servoWrite', pin: 6, angle: 30 }, 10)).toBe(3);
    await recorder.waitForPins('D13 high and servo at 30° again', (pins) =>
      pins.digital[13] && Math.abs((pins.servoPulseUs['6'] ?? 0) - 900) < 20 ? true : undefined,
    );
    await service.command({ op: 'allOff' });
  });
});
