import { describe, expect, it } from 'vitest';
import { boardCommandSchema } from '../../../common/ipc/contract-board';
import { formatPrint, ProgramValueError, toBoardCommand, waitMs } from '../../../renderer/runner/board-op';

const invalid = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ProgramValueError) return { key: error.key, params: error.params };
    throw error;
  }
  throw new Error('expected a ProgramValueError');
};

describe('ProgramApi calls → board commands', () => {
  it('builds commands the contract accepts, forgiving values like Arduino does', () => {
    const commands = [
      toBoardCommand('digitalWrite', [13, true]),
      toBoardCommand('digitalWrite', ['7', 0]),
      toBoardCommand('pwmWrite', [9, 300]),
      toBoardCommand('pwmWrite', [10, 127.6]),
      toBoardCommand('servoWrite', [6, -20]),
      toBoardCommand('tone', [8, 440.4, 250]),
      toBoardCommand('tone', [8, 5]),
      toBoardCommand('noTone', [8]),
      toBoardCommand('digitalRead', [2]),
      toBoardCommand('analogRead', [0]),
      toBoardCommand('readDistance', [7]),
    ];
    expect(commands).toEqual([
      { op: 'digitalWrite', pin: 13, value: 1 },
      { op: 'digitalWrite', pin: 7, value: 0 },
      { op: 'pwmWrite', pin: 9, value: 255 },
      { op: 'pwmWrite', pin: 10, value: 128 },
      { op: 'servoWrite', pin: 6, angle: 0 },
      { op: 'tone', pin: 8, frequency: 440, durationMs: 250 },
      { op: 'tone', pin: 8, frequency: 31 },
      { op: 'noTone', pin: 8 },
      { op: 'digitalRead', pin: 2 },
      { op: 'analogRead', pin: 0 },
      { op: 'readDistance', pin: 7 },
    ]);
    for (const command of commands) expect(boardCommandSchema.safeParse(command).success).toBe(true);
  });

  it('turns impossible pins and non-numbers into messages for the child', () => {
    expect(invalid(() => toBoardCommand('digitalWrite', [20, 1]))).toEqual({
      key: 'runner.error.pin',
      params: { value: '20' },
    });
    expect(invalid(() => toBoardCommand('digitalRead', [2.5]))).toEqual({
      key: 'runner.error.pin',
      params: { value: '2.5' },
    });
    expect(invalid(() => toBoardCommand('analogRead', [6]))).toEqual({
      key: 'runner.error.analog-pin',
      params: { value: '6' },
    });
    expect(invalid(() => toBoardCommand('pwmWrite', [13, 100]))).toEqual({
      key: 'runner.error.pwm-pin',
      params: { pin: 13 },
    });
    expect(invalid(() => toBoardCommand('servoWrite', [6, 'hola']))).toEqual({
      key: 'runner.error.number',
      params: { value: '"hola"' },
    });
    expect(invalid(() => toBoardCommand('pwmWrite', [9, Number.NaN]))).toEqual({
      key: 'runner.error.not-a-number',
      params: {},
    });
    expect(invalid(() => toBoardCommand('noTone', [undefined]))).toEqual({
      key: 'runner.error.pin',
      params: { value: 'undefined' },
    });
  });

  it('waits 0 for nonsense and formats prints plainly', () => {
    expect([waitMs('x'), waitMs('250'), waitMs(1e12)]).toEqual([0, 250, 3_600_000]);
    expect([
      formatPrint(0.1 + 0.2),
      formatPrint(1 / 3),
      formatPrint('hola'),
      formatPrint(3.5),
      formatPrint(true),
      formatPrint([1, 'a', [2]]),
      formatPrint(null),
    ]).toEqual(['0.3', '0.333333333333', 'hola', '3.5', 'true', '[1, a, [2]]', '']);
  });
});
