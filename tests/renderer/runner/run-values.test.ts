import { describe, expect, it } from 'vitest';
import { formatPrint, ProgramValueError, waitMs } from '../../../renderer/runner/board-op';
import { describeFault } from '../../../renderer/runner/runtime-error';
import { faultOf } from '../../../renderer/runner/program-host';
import { translate } from '../../../common/i18n/translate';

describe('values a child meets while a program runs', () => {
  it('a negative wait is an error with words, not a silent zero', () => {
    expect(() => waitMs(-5)).toThrow(ProgramValueError);
    let error: unknown;
    try {
      waitMs(-5);
    } catch (thrown) {
      error = thrown;
    }
    const message = describeFault(faultOf(error));
    expect(message.key).toBe('runner.error.negative-wait');
    expect(translate('es', message.key, message.params)).toBe(
      'No se puede esperar un tiempo negativo (-5). Usa 0 o un número mayor.',
    );
    expect(waitMs(0)).toBe(0);
  });

  it('10 ÷ 0 prints ∞, not "Infinity"; 0 ÷ 0 prints ?', () => {
    expect([formatPrint(10 / 0), formatPrint(-10 / 0), formatPrint(0 / 0)]).toEqual(['∞', '-∞', '?']);
  });
});
