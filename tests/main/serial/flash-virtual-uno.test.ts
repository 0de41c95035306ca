/**
 * Issue 4's "done when", through the REAL serialport binding on a socat pty bridged to the virtual
 * Uno running Debian's optiboot: blank board → no-firmware → Prepare board (flash, byte-exact
 * verify) → ready → blink pin 13 → cable pulled → lost (program stops) → cable back → ready.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIntelHex } from '../../../common/intel-hex';
import { KIT_FIRMWARE_HEX_PATH } from '../../helpers/uno-hex-files';
import { socatMissingReason } from '../../helpers/pty-bridge';
import { startSerialRig, type SerialRig } from '../../helpers/serial-rig';

const skipReason = socatMissingReason();
if (skipReason) console.log(`[skip] ${skipReason}`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const kitImage = parseIntelHex(readFileSync(KIT_FIRMWARE_HEX_PATH, 'utf8'));

describe.skipIf(skipReason !== null)('real serial to the virtual Uno through a pty', () => {
  let rig: SerialRig | null = null;
  afterEach(async () => {
    await rig?.dispose();
    rig = null;
  });

  it(
    'prepares a blank board, verifies it byte-exact, connects and blinks pin 13',
    { timeout: 60_000 },
    async () => {
      rig = await startSerialRig({ pollMs: 500 });
      const path = rig.pty.appPath;
      const blank = await rig.board.connect({ kind: 'serial', path });
      expect(blank).toMatchObject({ state: 'no-firmware', canPrepare: true });

      const prepared = await rig.serial.prepareBoard(path);
      // The simulator accepts any speed; a loaded machine can push the uploader to its 57600 fallback.
      expect([115200, 57600]).toContain(prepared.baudRate);
      expect(prepared).toMatchObject({ signature: '1E 95 0F', bytes: kitImage.size });
      expect(prepared.status).toMatchObject({ state: 'ready', firmware: { name: 'Chispa' } });
      const flash = await rig.uno.readFlash();
      expect(Buffer.from(flash.subarray(0, kitImage.size)).equals(Buffer.from(kitImage.data))).toBe(true);
      expect(rig.progress.at(-1)).toMatchObject({ phase: 'done', percent: 100, path });
      expect(rig.progress.some((p) => p.phase === 'writing' && p.percent > 0 && p.percent < 100)).toBe(true);

      await rig.board.command({ op: 'digitalWrite', pin: 13, value: 1 });
      await sleep(150);
      expect(rig.pinLevel(13)).toBe(true);
      await rig.board.command({ op: 'digitalWrite', pin: 13, value: 0 });
      await sleep(150);
      expect(rig.pinLevel(13)).toBe(false);
    },
  );

  it(
    'goes lost within 2 s when the cable is pulled mid-run, and reconnects when it is back',
    { timeout: 60_000 },
    async () => {
      rig = await startSerialRig({ flashHex: readFileSync(KIT_FIRMWARE_HEX_PATH, 'utf8'), pollMs: 500 });
      const path = rig.pty.appPath;
      expect((await rig.board.connect({ kind: 'serial', path })).state).toBe('ready');
      rig.serial.ownership.setRunning(path, true);
      await rig.board.command({ op: 'digitalWrite', pin: 13, value: 1 });

      const before = rig.states.length;
      const pulled = performance.now();
      await rig.unplug();
      const lost = await rig.waitForState((s) => s.state === 'lost', 2000, before);
      expect(performance.now() - pulled).toBeLessThan(2000);
      expect(lost.target).toEqual({ kind: 'serial', path });
      // The run lost its board: the port is free again, nothing half-owned.
      expect(rig.serial.ownership.ownerOf(path)).toBeNull();
      await expect(rig.board.command({ op: 'digitalWrite', pin: 13, value: 0 })).rejects.toMatchObject({
        code: 'board.not-connected',
      });

      await sleep(300);
      const afterLost = rig.states.length;
      await rig.plug();
      const back = await rig.waitForState((s) => s.state === 'ready', 10_000, afterLost);
      expect(back.target).toEqual({ kind: 'serial', path });
      await rig.board.command({ op: 'digitalWrite', pin: 13, value: 0 });
      await sleep(150);
      expect(rig.pinLevel(13)).toBe(false);
    },
  );
});
