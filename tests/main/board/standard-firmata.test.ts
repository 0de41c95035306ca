/**
 * StandardFirmata 2.5 blinks its version on pin 13 for about 2.1 s before it says anything. A
 * firmware that stays silent for 2.5 s after reset (blinking pin 13) and then speaks Firmata as
 * "StandardFirmata.ino" 2.5 must reach "ready" with the note that sounds and distance need
 * Prepare, every time, while another process keeps a CPU core busy: the handshake budget counts
 * on the board's clock and starts afresh from the board's first word.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/app/logger';
import { createBoardService } from '../../../main/board/board-service';
import { BoardEventRecorder, buildFirmwareVariant, hasAvrGcc } from './board-test-kit';

if (!hasAvrGcc) console.warn('StandardFirmata test skipped: avr-gcc is not installed');

const CONNECTS = 20;

describe.skipIf(!hasAvrGcc)('a board running StandardFirmata (silent 2.5 s after reset)', () => {
  let hog: ChildProcess | null = null;
  let firmware: ReturnType<typeof buildFirmwareVariant>;

  beforeAll(() => {
    firmware = buildFirmwareVariant({
      FIRMWARE_NAME: '\\"StandardFirmata.ino\\"',
      FIRMWARE_MAJOR: 2,
      FIRMWARE_MINOR: 5,
      STARTUP_SILENCE_MS: 2500,
    });
    hog = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  });

  afterAll(() => {
    hog?.kill('SIGKILL');
    firmware?.cleanup();
  });

  it(
    `reaches ready with the Prepare note ${CONNECTS} times out of ${CONNECTS} under CPU load`,
    { timeout: 600_000 },
    async () => {
      const recorder = new BoardEventRecorder();
      const service = createBoardService({
        events: recorder.events,
        logger: silentLogger,
        firmwareHexPath: firmware.hexPath,
        // Starting the worker (tsx compiles it in the thread) is bounded separately; this is about the handshake.
        openTimeoutMs: 60_000,
      });
      const ends: string[] = [];
      try {
        for (let run = 0; run < CONNECTS; run++) {
          const status = await service.connect({ kind: 'virtual' });
          ends.push(`${status.state}:${status.messageKey}`);
          expect(status).toMatchObject({
            state: 'ready',
            firmware: { name: 'StandardFirmata', version: '2.5' },
            messageKey: 'board.info.other-firmware',
            canPrepare: true,
          });
          await service.disconnect();
        }
      } finally {
        await service.dispose();
      }
      expect(ends).toEqual(new Array(CONNECTS).fill('ready:board.info.other-firmware'));
    },
  );
});
