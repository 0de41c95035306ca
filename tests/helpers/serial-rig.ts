/**
 * The real-serial stack for tests: a pty pair, the virtual Uno in its worker thread (a bootloader
 * and/or the kit firmware) bridged to its device end, and the app side (board service + serial service) on
 * the app end, wired as create-services wires them. The virtual Uno is reset through a hook
 * because a pty has no DTR line, and told the speed the app opened the port at because a pty
 * carries none (the virtual Uno then loses bytes sent at another speed, as a real line garbles them).
 */
import type { BoardStatus } from '../../common/ipc/contract-board';
import { createEventHub } from '../../main/app/event-hub';
import type { Logger } from '../../main/app/logger';
import { createBoardService, type BoardService } from '../../main/board/board-service';
import { createSerialService, type SerialService } from '../../main/serial/serial-service';
import type { FlashProgress } from '../../main/serial/stk500-uploader';
import { startVirtualUno, type VirtualUno } from '../../main/virtual-uno/virtual-uno';
import { FIRMATA_BAUD } from '../../main/serial/serial-firmata-transport';
import { KIT_FIRMWARE_HEX_PATH, atmegaBoot, fittingOptiboot } from './uno-hex-files';
import { bridgePtyToUart, createPtyPair, ptyLinkRoot, type PtyPair, type UartEnd } from './pty-bridge';
import { fileURLToPath } from 'node:url';

/** The worker's UART as the pty bridge wants it. */
export const uartOf = (uno: VirtualUno): UartEnd => ({
  writeToMcu: (bytes) => uno.transport.write(Buffer.from(bytes)),
  onMcuBytes(listener) {
    const onData = (data: Buffer) => listener(new Uint8Array(data));
    uno.transport.on('data', onData);
    uno.transport.start();
    return () => uno.transport.off('data', onData);
  },
});

export const quietLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface SerialRig {
  pty: PtyPair;
  /** The virtual Uno in its worker thread (the product path), paced to real time. */
  uno: VirtualUno;
  /** Level of an Uno pin as the simulator last reported it. */
  pinLevel(pin: number): boolean | null;
  board: BoardService;
  serial: SerialService;
  states: BoardStatus[];
  progress: FlashProgress[];
  /** Resolves with the first board state matching, after `since` (an index into states). */
  waitForState(
    predicate: (status: BoardStatus) => boolean,
    timeoutMs: number,
    since?: number,
  ): Promise<BoardStatus>;
  /** Pulls the cable (kills socat). */
  unplug(): Promise<void>;
  /** Plugs it back: new pty pair on the same paths, bridged to the same virtual Uno. */
  plug(): Promise<void>;
  dispose(): Promise<void>;
}

/** optiboot rebuilt to fit (115200 baud, the Uno's), ATmegaBOOT (57600, old Nanos) or none. */
export type RigBootloader = 'optiboot' | 'atmegaboot' | false;

export const startSerialRig = async (
  options: { flashHex?: string; bootloader?: RigBootloader; pollMs?: number } = {},
): Promise<SerialRig> => {
  const pty = await createPtyPair();
  const bootloader = options.bootloader ?? 'optiboot';
  const uno = await startVirtualUno({
    flashHex: options.flashHex,
    ...(bootloader === 'optiboot' ? fittingOptiboot() : bootloader === 'atmegaboot' ? atmegaBoot() : {}),
  });
  let unbridge = await bridgePtyToUart(pty.devicePath, uartOf(uno));
  const events = createEventHub();
  const states: BoardStatus[] = [];
  const progress: FlashProgress[] = [];
  const waiters = new Set<() => void>();
  events.subscribe((name, payload) => {
    if (name === 'board.state') {
      states.push(payload as BoardStatus);
      serial.onBoardState(payload as BoardStatus);
      for (const wake of [...waiters]) wake();
    }
    if (name === 'serial.flashProgress') progress.push(payload as FlashProgress);
  });
  const firmwarePath = fileURLToPath(KIT_FIRMWARE_HEX_PATH);
  const board = createBoardService({ events, logger: quietLogger, firmwareHexPath: firmwarePath });
  // A real Uno restarts on DTR and its bootloader hands over to the firmware; the pty cannot
  // carry DTR, so the same restart is done on the simulator.
  const reset = () => uno.reset({ intoBootloader: bootloader !== false, lineBaud: FIRMATA_BAUD });
  const serial = createSerialService({
    firmwarePath,
    pollMs: options.pollMs ?? 1500,
    resetIntoBootloader: (_path, lineBaud) => uno.reset({ intoBootloader: true, lineBaud }),
    resetOnConnect: reset,
    onProgress: (p) => events.emit('serial.flashProgress', p),
    deviceDirs: [ptyLinkRoot],
  });
  board.setTransportFactory('serial', serial.transports.factory);
  serial.attachBoard(board);
  await serial.addManualPort(pty.appPath);

  const waitForState: SerialRig['waitForState'] = (predicate, timeoutMs, since = 0) =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = states.slice(since).find(predicate);
        if (!found) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `no matching board state within ${timeoutMs} ms; saw ${states
              .slice(since)
              .map((s) => s.state)
              .join(', ')}`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(wake);
      };
      const wake = () => void check();
      waiters.add(wake);
      check();
    });

  return {
    pty,
    uno,
    pinLevel: (pin) => uno.latestPins()?.digital[pin] ?? null,
    board,
    serial,
    states,
    progress,
    waitForState,
    async unplug() {
      await pty.unplug();
      await unbridge();
    },
    async plug() {
      await pty.plug();
      unbridge = await bridgePtyToUart(pty.devicePath, uartOf(uno));
    },
    async dispose() {
      serial.dispose();
      await board.dispose();
      await unbridge().catch(() => undefined);
      await uno.stop();
      await pty.dispose();
    },
  };
};
