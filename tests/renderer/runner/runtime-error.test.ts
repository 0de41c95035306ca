import { describe, expect, it } from 'vitest';
import { messages } from '../../../common/i18n/messages';
import type { ErrorCode } from '../../../common/ipc/error-codes';
import { describeFault } from '../../../renderer/runner/runtime-error';

describe('child-friendly runtime errors', () => {
  it('maps each kind of failure to a key that exists in Spanish and English', () => {
    const cases = [
      describeFault({ kind: 'syntax', detail: 'Unexpected token' }),
      describeFault({ kind: 'exception', name: 'ReferenceError', detail: 'x is not defined' }),
      describeFault({ kind: 'exception', name: 'RangeError', detail: 'Maximum call stack size exceeded' }),
      describeFault({ kind: 'exception', name: 'TypeError', detail: 'a.b is not a function' }),
      describeFault({ kind: 'exception', name: 'Error', detail: 'custom' }),
      describeFault({ kind: 'invalid', key: 'runner.error.pin', params: { value: '42' } }),
      describeFault({
        kind: 'board',
        error: { code: 'transport-closed', messageKey: 'error.transport-closed' },
      }),
      describeFault({ kind: 'board', error: { code: 'bad-request', messageKey: 'error.bad-request' } }),
      describeFault({
        kind: 'board',
        error: { code: 'board.weird' as ErrorCode, messageKey: 'board.error.no-such-key' },
      }),
    ];
    expect(cases.map((c) => c.key)).toEqual([
      'runner.error.syntax',
      'runner.error.unknown-name',
      'runner.error.too-deep',
      'runner.error.wrong-kind',
      'runner.error.exception',
      'runner.error.pin',
      'runner.error.app-lost',
      'runner.error.bad-value',
      'runner.error.board',
    ]);
    expect(cases[4].params).toEqual({ detail: 'custom' });
    expect(cases[8].params).toEqual({ code: 'board.weird' });
    for (const { key } of cases) {
      expect(messages.es[key], key).toBeTypeOf('string');
      expect(messages.en[key], key).toBeTypeOf('string');
    }
  });

  it("uses the board service's own words when it has them", () => {
    const key =
      Object.keys(messages.es).find((k) => k.startsWith('error.') && k in messages.en) ?? 'error.internal';
    expect(
      describeFault({ kind: 'board', error: { code: 'x' as ErrorCode, messageKey: key, params: { n: 1 } } }),
    ).toEqual({
      key,
      params: { n: 1 },
    });
  });
});
