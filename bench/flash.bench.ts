/**
 * Flashing (docs/architecture.md, "The board path"): the kit firmware written with OUR STK500v1
 * uploader vs avrdude (`avrdude -c arduino -p m328p -P <pty> -b 115200 -U flash:w:firmware/chispa-firmata.hex:i`)
 * against the same simulated board: the virtual Uno (worker thread, paced to real time) running
 * optiboot rebuilt from Debian's source to fit its boot section, behind a socat pty, through the
 * real serialport binding. Both write and verify every page. A pty has no DTR nor a speed, so
 * before each run the simulator is reset into its bootloader (what DTR does on a real Uno) and
 * told the line's speed. Then: cable in → ready (socat pair recreated →
 * watcher sees the port → automatic reconnect → Firmata handshake).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseIntelHex } from '../common/intel-hex';
import type { BoardStatus } from '../common/ipc/contract-board';
import { createEventHub } from '../main/app/event-hub';
import { createBoardService } from '../main/board/board-service';
import { FIRMATA_BAUD } from '../main/serial/serial-firmata-transport';
import { createSerialService } from '../main/serial/serial-service';
import { uploadFirmware } from '../main/serial/stk500-uploader';
import { startVirtualUno, type VirtualUno } from '../main/virtual-uno/virtual-uno';
import type { SerialPort } from 'serialport';
import {
  bridgePtyToUart,
  createPtyPair,
  socatMissingReason,
  ptyDeviceDirs,
  ptyLinkRoot,
  type UartEnd,
} from '../tests/helpers/pty-bridge';
import { bootloaderSourcesMissingReason, fittingOptiboot } from '../tests/helpers/uno-hex-files';

const RUNS = Number(process.env.BENCH_FLASH_RUNS ?? 3);
const HEX_PATH = fileURLToPath(new URL('../firmware/chispa-firmata.hex', import.meta.url));
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const AVRDUDE_BAUD = 115200;

const uartOf = (uno: VirtualUno): UartEnd => ({
  writeToMcu: (bytes) => uno.transport.write(Buffer.from(bytes)),
  onMcuBytes(listener) {
    const onData = (data: Buffer) => listener(new Uint8Array(data));
    uno.transport.on('data', onData);
    uno.transport.start();
    return () => uno.transport.off('data', onData);
  },
});

const checkFlash = async (uno: VirtualUno, image: Uint8Array, who: string): Promise<void> => {
  const flash = await uno.readFlash();
  if (!Buffer.from(flash.subarray(0, image.length)).equals(Buffer.from(image)))
    throw new Error(`${who}: flash differs`);
};

/** Scrambles the application area so each run really rewrites it: flash a different image. */
const scramble = async (path: string, uno: VirtualUno, size: number): Promise<void> => {
  const junk = Uint8Array.from({ length: size }, (_, index) => (index * 31 + 7) & 0xff);
  await uploadFirmware({
    deviceDirs: ptyDeviceDirs,
    path,
    image: junk,
    resetIntoBootloader: async (port: SerialPort) =>
      uno.reset({ intoBootloader: true, lineBaud: port.baudRate }),
  });
};

const runAvrdude = (path: string): Promise<{ ms: number; code: number | null; output: string }> =>
  new Promise((resolve) => {
    const started = performance.now();
    const child = spawn('avrdude', [
      '-c',
      'arduino',
      '-p',
      'm328p',
      '-P',
      path,
      '-b',
      String(AVRDUDE_BAUD),
      '-U',
      `flash:w:${HEX_PATH}:i`,
    ]);
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data));
    child.stderr.on('data', (data: Buffer) => (output += data));
    child.on('close', (code) => resolve({ ms: performance.now() - started, code, output }));
  });

const main = async (): Promise<void> => {
  const missing = socatMissingReason() ?? bootloaderSourcesMissingReason();
  if (missing) {
    console.log(`bench: flash skipped (${missing})`);
    return;
  }
  const image = parseIntelHex(readFileSync(HEX_PATH, 'utf8')).data;
  const pty = await createPtyPair();
  const optiboot = fittingOptiboot();
  console.log(`bench: flash.optiboot-boot-section = ${optiboot.bootSectionBytes} bytes`);
  const uno = await startVirtualUno({ ...optiboot, snapshotsPerSecond: 0 });
  let unbridge = await bridgePtyToUart(pty.devicePath, uartOf(uno));
  const resetIntoBootloader = async (port: SerialPort) =>
    uno.reset({ intoBootloader: true, lineBaud: port.baudRate });

  const ours: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    await scramble(pty.appPath, uno, image.length);
    await sleep(200);
    const started = performance.now();
    await uploadFirmware({ deviceDirs: ptyDeviceDirs, path: pty.appPath, image, resetIntoBootloader });
    ours.push(performance.now() - started);
    await checkFlash(uno, image, 'chispa');
  }

  const avrdude: number[] = [];
  const hasAvrdude = spawnSync('avrdude', ['-?']).error === undefined;
  for (let run = 0; hasAvrdude && run < RUNS; run += 1) {
    await scramble(pty.appPath, uno, image.length);
    await sleep(200);
    uno.reset({ intoBootloader: true, lineBaud: AVRDUDE_BAUD });
    const result = await runAvrdude(pty.appPath);
    if (result.code !== 0) throw new Error(`avrdude failed (${result.code}):\n${result.output}`);
    avrdude.push(result.ms);
    await checkFlash(uno, image, 'avrdude');
  }

  const oursS = median(ours) / 1000;
  console.log(`bench: flash.chispa = ${oursS.toFixed(2)} s`);
  console.log(`bench: flash.bytes = ${image.length} bytes`);
  if (avrdude.length) {
    const avrdudeS = median(avrdude) / 1000;
    console.log(`bench: flash.avrdude = ${avrdudeS.toFixed(2)} s`);
    console.log(`bench: flash.ratio = ${(avrdudeS / oursS).toFixed(2)} x`);
  } else console.log('bench: flash.avrdude skipped (avrdude not installed)');

  // Cable in → ready: the board runs the kit firmware; the app reconnects by itself.
  const events = createEventHub();
  const board = createBoardService({ events, logger: quiet, firmwareHexPath: HEX_PATH });
  const serial = createSerialService({
    firmwarePath: HEX_PATH,
    resetOnConnect: () => uno.reset({ intoBootloader: true, lineBaud: FIRMATA_BAUD }),
    deviceDirs: [ptyLinkRoot],
  });
  board.setTransportFactory('serial', serial.transports.factory);
  serial.attachBoard(board);
  let onState: (status: BoardStatus) => void = () => undefined;
  events.subscribe((name, payload) => {
    if (name !== 'board.state') return;
    serial.onBoardState(payload as BoardStatus);
    onState(payload as BoardStatus);
  });
  const waitFor = (state: BoardStatus['state']) =>
    new Promise<void>((resolve) => (onState = (status) => status.state === state && resolve()));
  await serial.addManualPort(pty.appPath);
  const firstReady = performance.now();
  const connected = await board.connect({ kind: 'serial', path: pty.appPath });
  if (connected.state !== 'ready') throw new Error(`connect ended in ${connected.state}`);
  console.log(`bench: serial.connect-ready = ${((performance.now() - firstReady) / 1000).toFixed(2)} s`);

  const replugs: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const lost = waitFor('lost');
    await pty.unplug();
    await unbridge();
    await lost;
    await sleep(1000);
    const ready = waitFor('ready');
    await pty.plug();
    const pluggedAt = performance.now();
    unbridge = await bridgePtyToUart(pty.devicePath, uartOf(uno));
    await ready;
    replugs.push(performance.now() - pluggedAt);
  }
  console.log(`bench: serial.cable-in-ready = ${(median(replugs) / 1000).toFixed(2)} s`);

  serial.dispose();
  await board.dispose();
  await unbridge();
  await uno.stop();
  await pty.dispose();
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
