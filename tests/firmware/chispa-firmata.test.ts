import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHISPA_FIRMWARE } from '../../main/board/chispa-firmware';
import { UNO_PIN_COUNT, UNO_PWM_PINS, isAnalogPin } from '../../common/board/uno-pins';
import { FirmataTestBoard, decode14, encode14, type FirmataFrame } from './firmata-test-board';

const sysex = (frames: FirmataFrame[], command: number) =>
  frames.filter(
    (frame): frame is Extract<FirmataFrame, { kind: 'sysex' }> =>
      frame.kind === 'sysex' && frame.command === command,
  );

interface TwiCompleter {
  completeStart(): void;
  completeStop(): void;
  completeConnect(ack: boolean): void;
  completeWrite(ack: boolean): void;
  completeRead(value: number): void;
}

/** CAPABILITY_RESPONSE body → per pin, a map mode → resolution. */
function parseCapabilities(data: number[]): Map<number, number>[] {
  const pins: Map<number, number>[] = [];
  let current = new Map<number, number>();
  for (let i = 0; i < data.length;) {
    if (data[i] === 0x7f) {
      pins.push(current);
      current = new Map();
      i += 1;
    } else {
      current.set(data[i], data[i + 1]);
      i += 2;
    }
  }
  return pins;
}

describe('Chispa firmware (committed hex in the virtual Uno, raw Firmata bytes)', () => {
  it('sends REPORT_VERSION and REPORT_FIRMWARE "Chispa" unprompted at boot', () => {
    const board = new FirmataTestBoard().run(30);
    const frames = board.take();
    expect(frames[0]).toEqual({ kind: 'version', major: 2, minor: 5 });
    const [firmware] = sysex(frames, 0x79);
    expect(firmware.data.slice(0, 2)).toEqual([CHISPA_FIRMWARE.major, CHISPA_FIRMWARE.minor]);
    expect(String.fromCharCode(...decode14(firmware.data.slice(2)))).toBe(CHISPA_FIRMWARE.name);
  });

  it('runs the UART at 57600 baud within 1 % (UBRR 34 with U2X, as the Arduino core)', () => {
    const board = new FirmataTestBoard().run(5);
    const { usart } = (board.core as unknown as { mcu: { usart: { baudRate: number } } }).mcu;
    expect(Math.abs(usart.baudRate / 57600 - 1)).toBeLessThan(0.01);
  });

  it('keeps config.h and the TypeScript firmware identity in sync', () => {
    const config = readFileSync(
      fileURLToPath(new URL('../../firmware/src/config.h', import.meta.url)),
      'utf8',
    );
    expect(config).toContain(`#define FIRMWARE_NAME "${CHISPA_FIRMWARE.name}"`);
    expect(config).toContain(`#define FIRMWARE_MAJOR ${CHISPA_FIRMWARE.major}`);
    expect(config).toContain(`#define FIRMWARE_MINOR ${CHISPA_FIRMWARE.minor}`);
  });

  it('answers the capability and analog-mapping queries with the Uno pin map', () => {
    const board = new FirmataTestBoard().run(30);
    const pins = parseCapabilities(board.query([0xf0, 0x6b, 0xf7], 0x6c));
    expect(pins).toHaveLength(UNO_PIN_COUNT);
    expect(pins[0].size).toBe(0); // RX and TX belong to the serial port
    expect(pins[1].size).toBe(0);
    for (let pin = 2; pin < UNO_PIN_COUNT; pin++) {
      expect([...pins[pin].keys()]).toEqual(expect.arrayContaining([0x00, 0x01, 0x0b, 0x04, 0x75]));
      expect(pins[pin].get(0x03) === 8).toBe(UNO_PWM_PINS.includes(pin));
      expect(pins[pin].get(0x02) === 10).toBe(isAnalogPin(pin));
      expect(pins[pin].has(0x06)).toBe(pin === 18 || pin === 19);
    }
    const mapping = board.query([0xf0, 0x69, 0xf7], 0x6a);
    expect(mapping).toEqual([...Array(14).fill(0x7f), 0, 1, 2, 3, 4, 5]);
  });

  it('drives PB5 (pin 13) from DIGITAL_MESSAGE and reports it in PIN_STATE_RESPONSE', () => {
    const board = new FirmataTestBoard().run(30);
    board.send(0xf4, 13, 0x01).send(0x91, 0x20, 0x00).run(5);
    expect(board.core.pinIsOutput(13)).toBe(true);
    expect(board.core.pinLevel(13)).toBe(true);
    expect(board.query([0xf0, 0x6d, 13, 0xf7], 0x6e)).toEqual([13, 0x01, 1]);
    board.send(0x91, 0x00, 0x00).run(5);
    expect(board.core.pinLevel(13)).toBe(false);
    board.send(0xf5, 13, 1).run(5); // SET_DIGITAL_PIN_VALUE
    expect(board.core.pinLevel(13)).toBe(true);
  });

  it('reports A0 at 2.5 V as 512 ±2 every sampling interval (19 ms default, settable)', () => {
    const board = new FirmataTestBoard().run(30);
    board.take();
    board.core.setAnalogVolts(0, 2.5);
    board.send(0xc0, 1).run(200);
    const reports = board.take().filter((frame) => frame.kind === 'analog');
    expect(reports.length).toBeGreaterThanOrEqual(10);
    expect(reports.length).toBeLessThanOrEqual(12);
    for (const report of reports) {
      expect(report).toMatchObject({ kind: 'analog', channel: 0 });
      if (report.kind === 'analog') expect(Math.abs(report.value - 512)).toBeLessThanOrEqual(2);
    }
    board.send(0xf0, 0x7a, ...encode14(100), 0xf7).run(20);
    board.take();
    board.run(500);
    const slow = board.take().filter((frame) => frame.kind === 'analog');
    expect(slow.length).toBeGreaterThanOrEqual(4);
    expect(slow.length).toBeLessThanOrEqual(6);
    board.send(0xc0, 0).run(30);
    board.take();
    board.run(100);
    expect(board.take()).toEqual([]);
  });

  it('reports a pulled-up D2 when reporting starts and on every change', () => {
    const board = new FirmataTestBoard().run(30);
    board.take();
    board.send(0xf4, 2, 0x0b).send(0xd0, 1).run(10);
    expect(board.take()).toEqual([{ kind: 'digital', port: 0, value: 0b100 }]);
    board.core.setDigitalInput(2, false);
    board.run(5);
    expect(board.take()).toEqual([{ kind: 'digital', port: 0, value: 0 }]);
    board.core.setDigitalInput(2, null); // released: the pull-up brings it back high
    board.run(5);
    expect(board.take()).toEqual([{ kind: 'digital', port: 0, value: 0b100 }]);
  });

  it("turns an INPUT pin's pull-up on when a 1 is written to it, as StandardFirmata (johnny-five isPullup)", () => {
    const board = new FirmataTestBoard().run(30);
    board.send(0xf4, 2, 0x00, 0xf4, 4, 0x01).run(5);
    board.send(0x90, 0b10000, 0).run(5); // D4 high, D2 bit 0: D2 stays a plain input
    expect(board.core.pinLevel(4)).toBe(true);
    expect(board.query([0xf0, 0x6d, 2, 0xf7], 0x6e)).toEqual([2, 0x00, 0]);
    board.send(0x90, 0b10100, 0).run(5); // D2 bit 1: pull-up on
    expect(board.query([0xf0, 0x6d, 2, 0xf7], 0x6e)).toEqual([2, 0x0b, 1]);
    expect(board.core.pinLevel(2)).toBe(true);
  });

  it('makes servo pulses of 600/1500/2400 µs at 50 Hz after SERVO_CONFIG 600-2400', () => {
    const board = new FirmataTestBoard().run(30);
    board.send(0xf0, 0x70, 9, ...encode14(600), ...encode14(2400), 0xf7);
    for (const [value, expectedUs] of [
      [0, 600], // degrees
      [90, 1500],
      [180, 2400],
      [1000, 1000], // ≥ 544: microseconds
    ]) {
      board.send(0xe9, ...encode14(value)).run(100);
      const wave = board.core.pinWaveform(9);
      expect(wave).not.toBeNull();
      expect(Math.abs(wave!.highUs - expectedUs)).toBeLessThanOrEqual(20);
      expect(Math.abs(wave!.frequencyHz - 50)).toBeLessThan(0.5);
    }
  });

  it('runs several servos on any pins at once, each with its own pulse', () => {
    const board = new FirmataTestBoard().run(30);
    const servos: Array<[number, number, number]> = [
      [4, 0, 600],
      [7, 45, 1050],
      [12, 135, 1950],
      [17, 180, 2400],
    ];
    for (const [pin, angle] of servos) {
      board.send(0xf0, 0x70, pin, ...encode14(600), ...encode14(2400), 0xf7);
      board.send(0xf0, 0x6f, pin, angle & 0x7f, angle >> 7, 0xf7); // EXTENDED_ANALOG (pins > 15 need it)
    }
    board.run(100);
    for (const [pin, , micros] of servos) {
      const wave = board.core.pinWaveform(pin);
      expect(wave, `pin ${pin}`).not.toBeNull();
      expect(Math.abs(wave!.highUs - micros), `pin ${pin}`).toBeLessThanOrEqual(20);
      expect(Math.abs(wave!.frequencyHz - 50), `pin ${pin}`).toBeLessThan(0.5);
    }
  });

  it('gives Timer1 to the servos while one is attached, and PWM on pin 9 back afterwards', () => {
    const board = new FirmataTestBoard().run(30);
    board.send(0xf4, 9, 0x03, 0xe9, 64, 0).run(30);
    expect(Math.abs(board.core.pinWaveform(9)!.duty - 0.25)).toBeLessThanOrEqual(0.02);
    board.send(0xf0, 0x70, 4, ...encode14(600), ...encode14(2400), 0xf7).run(60);
    expect(board.core.pinWaveform(9)).toBeNull(); // a steady level while Timer1 makes servo pulses
    expect(board.core.pinWaveform(4)).not.toBeNull();
    board.send(0xf4, 4, 0x01).run(150); // servo pin back to OUTPUT: detached (the monitor needs a window)
    expect(board.core.pinWaveform(4)).toBeNull();
    expect(Math.abs(board.core.pinWaveform(9)!.duty - 0.25)).toBeLessThanOrEqual(0.02);
  });

  it('plays a 440 Hz tone with the TONE_DATA sysex and stops it', () => {
    const board = new FirmataTestBoard().run(30);
    board.send(0xf0, 0x5f, 0, 8, ...encode14(440), ...encode14(0), 0xf7).run(100);
    const wave = board.core.pinWaveform(8);
    expect(wave).not.toBeNull();
    expect(Math.abs(wave!.frequencyHz - 440)).toBeLessThanOrEqual(2);
    board.send(0xf0, 0x5f, 1, 8, 0xf7).run(50);
    expect(board.core.pinWaveform(8)).toBeNull();
    expect(board.core.pinLevel(8)).toBe(false);
  });

  it('ends a timed tone by itself', () => {
    const board = new FirmataTestBoard().run(30);
    board.send(0xf0, 0x5f, 0, 8, ...encode14(1000), ...encode14(50), 0xf7).run(30);
    expect(board.core.pinWaveform(8)).not.toBeNull();
    board.run(100);
    expect(board.core.pinWaveform(8)).toBeNull();
  });

  it('answers PING_READ (PingFirmata bytes) with the echo length of an object at 20 cm', () => {
    const board = new FirmataTestBoard().run(30);
    board.core.setDistanceCm(7, 20);
    const fourBytes = (value: number) => [24, 16, 8, 0].flatMap((shift) => encode14((value >> shift) & 0xff));
    const reply = board.query([0xf0, 0x75, 7, 1, ...fourBytes(5), ...fourBytes(1_000_000), 0xf7], 0x75, 50);
    const [pin, ...bytes] = decode14(reply);
    expect(pin).toBe(7);
    const micros = bytes.reduce((acc, byte) => acc * 256 + byte, 0);
    expect(Math.abs((micros * 0.0343) / 2 - 20)).toBeLessThan(0.5);
  });

  it('PWM duty 64 on pin 6 gives 25 % ±2 %, and SYSTEM_RESET turns outputs and reports off', () => {
    const board = new FirmataTestBoard().run(30);
    board.send(0xf4, 6, 0x03, 0xe6, 64, 0).run(20);
    expect(Math.abs(board.core.pinWaveform(6)!.duty - 0.25)).toBeLessThanOrEqual(0.02);
    board.send(0xc0, 1, 0xff).run(50);
    board.take();
    board.run(100);
    expect(board.take()).toEqual([]);
    expect(board.core.pinWaveform(6)).toBeNull();
    expect(board.core.pinLevel(6)).toBe(false);
  });

  it('speaks I2C as StandardFirmata: writes, register reads and continuous reads (A4/A5 TWI)', () => {
    const board = new FirmataTestBoard().run(30);
    // A fake bus: a write-only LCD backpack at 0x27 and a sensor at 0x68 with registers.
    const twi = (board.core as unknown as { mcu: { twi: { eventHandler: unknown } & TwiCompleter } }).mcu.twi;
    const lcdBytes: number[] = [];
    const registers = [10, 20, 30, 40, 50, 60];
    let target = -1;
    let pointer = 0;
    let firstWrite = false;
    twi.eventHandler = {
      start: () => twi.completeStart(),
      stop: () => twi.completeStop(),
      connectToSlave(address: number, write: boolean) {
        target = address === 0x27 || address === 0x68 ? address : -1;
        firstWrite = write;
        twi.completeConnect(target >= 0);
      },
      writeByte(value: number) {
        if (target === 0x27) lcdBytes.push(value);
        if (target === 0x68 && firstWrite) pointer = value;
        firstWrite = false;
        twi.completeWrite(true);
      },
      readByte: () => twi.completeRead(target === 0x68 ? (registers[pointer++] ?? 0xff) : 0xff),
    };
    board.send(0xf0, 0x78, 0, 0, 0xf7); // I2C_CONFIG
    board.send(0xf0, 0x76, 0x27, 0x00, ...encode14(0x08), ...encode14(0xc5), 0xf7).run(20);
    expect(lcdBytes).toEqual([0x08, 0xc5]);
    const reply = board.query([0xf0, 0x76, 0x68, 0x08, ...encode14(2), ...encode14(3), 0xf7], 0x77);
    expect(decode14(reply)).toEqual([0x68, 2, 30, 40, 50]);
    board.take();
    board.send(0xf0, 0x76, 0x68, 0x10, ...encode14(0), ...encode14(1), 0xf7).run(100); // continuous
    const replies = sysex(board.take(), 0x77).map((frame) => decode14(frame.data));
    expect(replies.length).toBeGreaterThanOrEqual(4);
    expect(replies[0]).toEqual([0x68, 0, 10]);
    board.send(0xf0, 0x76, 0x68, 0x18, 0xf7).run(30); // stop reading
    board.take();
    board.run(60);
    expect(sysex(board.take(), 0x77)).toEqual([]);
    // A device that is not there: a STRING_DATA note, no hang.
    board.send(0xf0, 0x76, 0x50, 0x00, ...encode14(1), 0xf7).run(20);
    const [note] = sysex(board.take(), 0x71);
    expect(String.fromCharCode(...decode14(note.data))).toContain('I2C');
  });

  it('survives garbage bytes and still answers REPORT_VERSION', () => {
    const board = new FirmataTestBoard().run(30);
    let seed = 7;
    const garbage = Array.from(
      { length: 400 },
      () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff,
    );
    // Not SYSTEM_RESET-free on purpose: random bytes may contain any command.
    board.send(...garbage, 0xf7).run(300);
    board.take();
    board.send(0xf9).run(10);
    expect(board.take()).toContainEqual({ kind: 'version', major: 2, minor: 5 });
  });

  it('sleeps when idle (most simulated cycles skipped)', () => {
    const board = new FirmataTestBoard().run(30);
    const before = board.core.stats();
    board.run(500);
    const after = board.core.stats();
    expect((after.sleptCycles - before.sleptCycles) / (after.cycles - before.cycles)).toBeGreaterThan(0.8);
  });
});
