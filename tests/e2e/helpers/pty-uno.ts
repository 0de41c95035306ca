/**
 * A virtual Uno behind a socat pty, for e2e tests where the app runs in its own process: the app
 * opens `appPath` like a real port (typed by hand), the test process runs the Uno (optiboot
 * rebuilt from Debian's source, blank or given app) in its worker and bridges it to the pty's far end.
 *
 * A pty has no DTR line, so the board's auto-reset is emulated here: a GET_SYNC (0x30 0x20) that
 * starts a burst after a quiet line resets the Uno into its bootloader before the bytes reach it,
 * as the DTR pulse the uploader sends would on a real Uno. Page data in the middle of an upload
 * never triggers it (no quiet gap before it).
 */
import { openPtyDevice, createPtyPair, type PtyPair } from '../../helpers/pty-bridge';
import { fittingOptiboot } from '../../helpers/uno-hex-files';
import { startVirtualUno, type VirtualUno } from '../../../main/virtual-uno/virtual-uno';

const GET_SYNC = 0x30;
const CRC_EOP = 0x20;
/** A burst that starts after this much silence is a new conversation. */
const QUIET_MS = 250;
/** At most one emulated reset in this window (optiboot needs ~0.5 s to listen). */
const RESET_GAP_MS = 1500;

export interface PtyUno {
  pty: PtyPair;
  uno: VirtualUno;
  /** How many times a DTR-style reset into the bootloader was emulated. */
  resets(): number;
  pinLevel(pin: number): boolean | null;
  /** Pulls the cable (socat exits, the port vanishes). */
  unplug(): Promise<void>;
  /** Plugs it back on the same path, bridged to the same Uno. */
  plug(): Promise<void>;
  dispose(): Promise<void>;
}

export const startPtyUno = async (options: { flashHex?: string } = {}): Promise<PtyUno> => {
  const pty = await createPtyPair();
  const uno = await startVirtualUno({ flashHex: options.flashHex, ...fittingOptiboot() });
  let lastHostByteAt = 0;
  let lastResetAt = 0;
  let resetCount = 0;
  const bridge = async (): Promise<() => Promise<void>> => {
    const device = await openPtyDevice(pty.devicePath);
    device.onData((bytes) => {
      const now = Date.now();
      const quiet = now - lastHostByteAt > QUIET_MS;
      lastHostByteAt = now;
      if (quiet && bytes[0] === GET_SYNC && bytes[1] === CRC_EOP && now - lastResetAt > RESET_GAP_MS) {
        lastResetAt = now;
        resetCount += 1;
        uno.reset({ intoBootloader: true });
      }
      uno.transport.write(Buffer.from(bytes));
    });
    const onMcu = (data: Buffer) => device.write(new Uint8Array(data));
    uno.transport.on('data', onMcu);
    uno.transport.start();
    return async () => {
      uno.transport.off('data', onMcu);
      await device.close();
    };
  };
  let unbridge = await bridge();
  return {
    pty,
    uno,
    resets: () => resetCount,
    pinLevel: (pin) => uno.latestPins()?.digital[pin] ?? null,
    async unplug() {
      await pty.unplug();
      await unbridge();
    },
    async plug() {
      await pty.plug();
      unbridge = await bridge();
    },
    async dispose() {
      await unbridge().catch(() => undefined);
      await uno.stop();
      await pty.dispose();
    },
  };
};
