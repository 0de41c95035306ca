import { describe, expect, it } from 'vitest';
import { describeError, interpolate, translate } from '../../common/i18n/translate';
import type { IpcError } from '../../common/ipc/app-error';
import type { ErrorCode } from '../../common/ipc/error-codes';

describe('translate', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(interpolate('Fila {row}: {reason}', { row: 3 })).toBe('Fila 3: {reason}');
  });
  it('returns Spanish and English for the same key', () => {
    expect(translate('es', 'app.region.board')).toBe('Placa');
    expect(translate('en', 'app.region.board')).toBe('Board');
  });
  it('shows an unknown key as itself rather than a blank', () => {
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
  it('describes an IPC error in the user language, with its details', () => {
    const error: IpcError = {
      code: 'bad-request',
      messageKey: 'error.bad-request',
      details: ['text: expected string'],
    };
    expect(describeError('es', error)).toContain('text: expected string');
    expect(describeError('en', error)).toMatch(/^The app received data/);
    expect(
      describeError('en', {
        code: 'x.y' as ErrorCode,
        messageKey: 'error.x.y',
      }) /* a code this version does not know */,
    ).toBe('An error occurred (x.y).');
  });
});
