/**
 * Through the REAL serialport binding on a socat pty bridged to the virtual Uno running a
 * bootloader Debian ships (optiboot rebuilt to fit its boot section, or the old Nano's ATmegaBOOT):
 * blank board → no-firmware → Prepare board (flash, byte-exact verify) → ready → blink pin 13 →
 * cable pulled → lost (program stops) → cable back → ready. The virtual Uno only understands the
 * speed its bootloader set, so the uploader's speed is the one a real board would need.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIntelHex } from '../../../common/intel-hex';
import { KIT_FIRMWARE_HEX_PATH } from '../../helpers/uno-hex-files';
import { bridgePtyToUart, createPtyPair, ptyDeviceDirs, socatMissingReason } from '../../helpers/pty-bridge';
import { atmegaBoot, bootloaderSourcesMissingReason } from '../../helpers/uno-hex-files';
import { uploadFirmware } from '../../../main/serial/stk500-uploader';
import { startVirtualUno } from '../../../main/virtual-uno/virtual-uno';
import { startSerialRig, uartOf, type SerialRig } from '../../helpers/serial-rig';

const skipReason = socatMissingReason() ?? bootloaderSourcesMissingReason();
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
      expect(prepared.baudRate).toBe(115200); // optiboot's speed
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
    'writes the kit firmware through the old Nano bootloader (ATmegaBOOT) at the 57600 fallback',
    { timeout: 180_000 },
    async () => {
      const pty = await createPtyPair();
      const uno = await startVirtualUno({ ...atmegaBoot(), snapshotsPerSecond: 0 });
      const unbridge = await bridgePtyToUart(pty.devicePath, uartOf(uno));
      try {
        const result = await uploadFirmware({
          deviceDirs: ptyDeviceDirs,
          path: pty.appPath,
          image: kitImage.data,
          resetIntoBootloader: async (port) => uno.reset({ intoBootloader: true, lineBaud: port.baudRate }),
          // ATmegaBOOT waits for each byte in a counting loop the simulator cannot skip, so it runs
          // slower than real time on a loaded machine: generous timeouts, the same protocol.
          syncAttempts: 4,
          firstSyncTimeoutMs: 3000,
          syncTimeoutMs: 1500,
          commandTimeoutMs: 10_000,
        });
        expect(result).toMatchObject({ baudRate: 57600, signature: '1E 95 0F', bytes: kitImage.size });
        const flash = await uno.readFlash();
        expect(Buffer.from(flash.subarray(0, kitImage.size)).equals(Buffer.from(kitImage.data))).toBe(true);
        // The first speed tried (115200) reached the board as noise, as on a real line.
        expect((await uno.stats()).lineSpeedLosses).toBeGreaterThan(0);
      } finally {
        await unbridge();
        await uno.stop();
        await pty.dispose();
      }
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
      await rig.unplug();
      // Bounded only against a hang: a loaded CI runner stretches wall time.
      const lost = await rig.waitForState((s) => s.state === 'lost', 10_000, before);
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
