/**
 * The board service end to end in Node: the committed firmware in the virtual Uno (worker
 * thread, real time), firmata-io and johnny-five on top, measured on the simulated pins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../common/ipc/app-error';
import { silentLogger } from '../../../main/app/logger';
import { createBoardService, type BoardService } from '../../../main/board/board-service';
import { SERVO_PULSE_RANGE, servoMicros } from '../../../main/board/servo-pulse';
import { BoardEventRecorder, FIRMWARE_HEX_PATH } from './board-test-kit';

describe('board service on the virtual Uno (Chispa firmware, johnny-five)', () => {
  const recorder = new BoardEventRecorder();
  let service: BoardService;

  beforeAll(async () => {
    service = createBoardService({
      events: recorder.events,
      logger: silentLogger,
      firmwareHexPath: FIRMWARE_HEX_PATH,
    });
    const status = await service.connect({ kind: 'virtual' });
    expect(status).toEqual({
      state: 'ready',
      target: { kind: 'virtual' },
      firmware: { name: 'Chispa', version: '1.0' },
      messageKey: null,
      canPrepare: false,
    });
  });

  afterAll(async () => {
    await service?.dispose();
  });

  /** Polls digitalRead like the "button pressed" block until it reads `value` (3 s at most). */
  const untilRead = async (pin: number, value: 0 | 1) => {
    for (const started = Date.now(); Date.now() - started < 3000;) {
      if ((await service.command({ op: 'digitalRead', pin })).value === value) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`D${pin} never read ${value}`);
  };

  it('announced connecting, then ready', () => {
    expect(recorder.states.map((status) => status.state)).toEqual(['connecting', 'ready']);
    expect(service.status().state).toBe('ready');
  });

  it('turns LED 13 on and off (seen on PB5)', async () => {
    await service.command({ op: 'digitalWrite', pin: 13, value: 1 });
    await recorder.waitForPins('PB5 high', (pins) => pins.digital[13]);
    await service.command({ op: 'digitalWrite', pin: 13, value: 0 });
    await recorder.waitForPins('PB5 low', (pins) => !pins.digital[13]);
  });

  it('sets brightness 64 as a 25 % ±2 % duty cycle on Timer0 and Timer2 pins', async () => {
    for (const pin of [6, 3]) {
      await service.command({ op: 'pwmWrite', pin, value: 64 });
      // The monitor needs a few periods of the new duty: wait until it settles near 25 %.
      const duty = await recorder.waitForPins(`PWM on ${pin}`, (pins) => {
        const value = pins.pwmDuty[pin];
        return value !== null && Math.abs(value - 0.25) <= 0.02 ? value : undefined;
      });
      expect(Math.abs(duty - 0.25)).toBeLessThanOrEqual(0.02);
    }
    await expect(service.command({ op: 'pwmWrite', pin: 13, value: 10 })).rejects.toMatchObject({
      code: 'board.pin-unsupported',
      messageKey: 'board.error.pin-unsupported.pwm',
    });
    await expect(service.command({ op: 'digitalWrite', pin: 1, value: 1 })).rejects.toMatchObject({
      messageKey: 'board.error.pin-reserved',
    });
  });

  it('moves a servo to 0/90/180° as 600/1500/2400 µs ±20 µs pulses', async () => {
    expect(SERVO_PULSE_RANGE).toEqual([600, 2400]);
    for (const [angle, micros] of [
      [0, 600],
      [90, 1500],
      [180, 2400],
    ]) {
      expect(servoMicros(angle)).toBe(micros);
      await service.command({ op: 'servoWrite', pin: 10, angle });
      const pulse = await recorder.waitForPins(`servo ${angle}°`, (pins) => {
        const us = pins.servoPulseUs['10'];
        return us !== undefined && Math.abs(us - micros) <= 20 ? us : undefined;
      });
      expect(Math.abs(pulse - micros)).toBeLessThanOrEqual(20);
    }
  });

  it('reads A0 at 2.5 V as 512 ±2', async () => {
    service.virtualInput({ kind: 'analog', pin: 0, volts: 2.5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { value } = await service.command({ op: 'analogRead', pin: 0 });
    expect(Math.abs(value! - 512)).toBeLessThanOrEqual(2);
    service.virtualInput({ kind: 'analog', pin: 0, volts: 5 });
    // The next 19 ms reports carry the new level (polled: a busy host may delay them).
    let latest = value;
    for (const started = Date.now(); latest! < 1020 && Date.now() - started < 3000;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      latest = (await service.command({ op: 'analogRead', pin: 0 })).value;
    }
    expect(latest).toBeGreaterThanOrEqual(1020);
  });

  it('reads a press on D2 as 1 and the release as 0 (the board reports changes by itself)', async () => {
    expect((await service.command({ op: 'digitalRead', pin: 2 })).value).toBe(0);
    service.virtualInput({ kind: 'digital', pin: 2, level: true });
    await untilRead(2, 1);
    service.virtualInput({ kind: 'digital', pin: 2, level: false });
    await untilRead(2, 0);
  });

  it("does not turn a pressed button's pull-up on when an LED on the same port changes", async () => {
    const { io } = service.inspect()!.stack;
    const modeOf = (pin: number) =>
      new Promise<number | undefined>((resolve) =>
        (io as unknown as { queryPinState(pin: number, cb: () => void): void }).queryPinState(pin, () =>
          resolve(io.pins[pin].mode),
        ),
      );
    await service.command({ op: 'digitalRead', pin: 2 });
    service.virtualInput({ kind: 'digital', pin: 2, level: true });
    await recorder.waitFor('D2 read high', () => io.pins[2].value === 1);
    await service.command({ op: 'digitalWrite', pin: 4, value: 1 });
    await recorder.waitForPins('D4 high', (pins) => pins.digital[4]);
    expect(await modeOf(2)).toBe(io.MODES.INPUT);
    service.virtualInput({ kind: 'digital', pin: 2, level: false });
    await recorder.waitFor('D2 read low', () => io.pins[2].value === 0);
    await service.command({ op: 'digitalWrite', pin: 4, value: 0 });
  });

  it('plays 440 Hz ±2 Hz on the buzzer pin and stops it', async () => {
    await service.command({ op: 'tone', pin: 8, frequency: 440 });
    const hz = await recorder.waitForPins('tone', (pins) => pins.toneHz['8']);
    expect(Math.abs(hz - 440)).toBeLessThanOrEqual(2);
    await service.command({ op: 'noTone', pin: 8 });
    await recorder.waitForPins('tone off', (pins) => pins.toneHz['8'] === undefined && !pins.digital[8]);
  });

  it('reads an object at 20 cm as 20 ±1 cm (PingFirmata PING_READ)', async () => {
    service.virtualInput({ kind: 'distance', pin: 7, cm: 20 });
    const { value } = await service.command({ op: 'readDistance', pin: 7 });
    expect(Math.abs(value! - 20)).toBeLessThanOrEqual(1);
    service.virtualInput({ kind: 'distance', pin: 7, cm: 150 });
    expect(
      Math.abs((await service.command({ op: 'readDistance', pin: 7 })).value! - 150),
    ).toBeLessThanOrEqual(2);
  });

  it('allOff leaves outputs low, tone silent and servos detached', async () => {
    await service.command({ op: 'digitalWrite', pin: 12, value: 1 });
    await service.command({ op: 'tone', pin: 8, frequency: 1000 });
    await service.command({ op: 'servoWrite', pin: 11, angle: 45 });
    await recorder.waitForPins(
      'all on',
      (pins) => pins.digital[12] && pins.toneHz['8'] && pins.servoPulseUs['11'],
    );
    await service.command({ op: 'allOff' });
    await recorder.waitForPins(
      'all off',
      (pins) =>
        !pins.digital[12] &&
        pins.toneHz['8'] === undefined &&
        pins.servoPulseUs['11'] === undefined &&
        pins.servoPulseUs['10'] === undefined &&
        !pins.pwmDuty[6] &&
        !pins.pwmDuty[3] &&
        !pins.digital[6],
    );
  });

  it('keeps working after the board restarts (e.g. a brown-out): inputs report again, outputs are set up anew', async () => {
    await service.command({ op: 'servoWrite', pin: 5, angle: 90 });
    await recorder.waitForPins('servo before reset', (pins) => pins.servoPulseUs['5']);
    service.inspect()!.virtual!.reset();
    await recorder.waitForPins('servo gone after reset', (pins) => pins.servoPulseUs['5'] === undefined);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the firmware boots and announces itself
    await service.command({ op: 'servoWrite', pin: 5, angle: 180 });
    const pulse = await recorder.waitForPins('servo after reset', (pins) => {
      const us = pins.servoPulseUs['5'];
      return us !== undefined && Math.abs(us - 2400) <= 20 ? us : undefined;
    });
    expect(Math.abs(pulse - 2400)).toBeLessThanOrEqual(20);
    service.virtualInput({ kind: 'digital', pin: 2, level: true });
    await untilRead(2, 1);
    service.virtualInput({ kind: 'digital', pin: 2, level: false });
    await untilRead(2, 0);
  });

  it('rejects commands once disconnected, and reconnects with a fresh stack', async () => {
    const first = service.inspect()!.stack;
    expect((await service.disconnect()).state).toBe('idle');
    const error = await service.command({ op: 'digitalWrite', pin: 13, value: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('board.not-connected');
    expect((await service.connect({ kind: 'virtual' })).state).toBe('ready');
    expect(service.inspect()!.stack).not.toBe(first);
    await service.command({ op: 'digitalWrite', pin: 13, value: 1 });
    await recorder.waitForPins('PB5 high again', (pins) => pins.digital[13]);
  });
});
