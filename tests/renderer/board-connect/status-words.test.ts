/** What the connect panel says and offers for each board state (node, no DOM). */
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../../common/i18n/translate';
import type { BoardStatus } from '../../../common/ipc/contract-board';
import { guideAnchorForMessageKey, statusWords } from '../../../renderer/board-connect/status-words';

const serial = (state: BoardStatus['state'], extra: Partial<BoardStatus> = {}): BoardStatus => ({
  state,
  target: { kind: 'serial', path: '/dev/ttyUSB0' },
  firmware: null,
  messageKey: null,
  canPrepare: false,
  ...extra,
});
const known = (key: string) => hasMessage('es', key);

describe('connect panel words', () => {
  it('offers Prepare and the no-firmware section for a board without firmware', () => {
    const words = statusWords(
      serial('no-firmware', { messageKey: 'board.error.no-firmware', canPrepare: true }),
      known,
    );
    expect(words).toMatchObject({
      sentence: { key: 'connect.state.no-firmware' },
      detail: { key: 'board.error.no-firmware' },
      prepare: true,
      guideAnchor: 'no-firmware',
    });
  });

  it('sends port busy, lost and serial errors to their sections; lost says it will reconnect', () => {
    expect(statusWords(serial('port-busy'), known).guideAnchor).toBe('port-busy');
    expect(statusWords(serial('lost'), known)).toMatchObject({
      guideAnchor: 'board-lost',
      detail: { key: 'connect.state.lost.waiting' },
      prepare: false,
    });
    expect(
      statusWords(serial('error', { messageKey: 'error.serial.permission-denied' }), known).guideAnchor,
    ).toBe('linux-dialout');
    expect(guideAnchorForMessageKey('error.serial.port-owned.running')).toBe('port-busy');
    expect(guideAnchorForMessageKey('board.error.lost')).toBeNull();
  });

  it('names the firmware when ready, and never offers Prepare on the virtual board', () => {
    const ready = statusWords(
      serial('ready', { firmware: { name: 'ChispaFirmata', version: '2.5' } }),
      known,
    );
    expect(ready.sentence).toEqual({
      key: 'connect.state.ready',
      params: { where: '', firmware: 'ChispaFirmata', version: '2.5' },
    });
    const virtual = statusWords({ ...serial('ready'), target: { kind: 'virtual' } }, known);
    expect(virtual.sentence.key).toBe('connect.state.ready-virtual');
    expect(virtual.guideAnchor).toBeNull();
    // An unknown message key is not shown raw.
    expect(statusWords(serial('error', { messageKey: 'no.such.key' }), known).detail).toBeNull();
  });

  it('ready on another Firmata shows the note that sounds and distance need Prepare, and offers it', () => {
    const words = statusWords(
      serial('ready', {
        firmware: { name: 'StandardFirmata', version: '2.5' },
        messageKey: 'board.info.other-firmware',
        canPrepare: true,
      }),
      known,
    );
    expect(words).toMatchObject({
      sentence: { key: 'connect.state.ready', params: { firmware: 'StandardFirmata' } },
      detail: { key: 'board.info.other-firmware' },
      prepare: true,
    });
    expect(
      statusWords(serial('ready', { firmware: { name: 'Chispa', version: '1.0' } }), known),
    ).toMatchObject({
      detail: null,
      prepare: false,
    });
  });

  it('has every sentence it can choose in both languages', () => {
    for (const state of [
      'idle',
      'connecting',
      'ready',
      'no-firmware',
      'old-firmware',
      'port-busy',
      'lost',
      'flashing',
      'error',
    ] as const) {
      const words = statusWords(serial(state), known);
      expect(hasMessage('es', words.sentence.key), words.sentence.key).toBe(true);
      expect(hasMessage('en', words.sentence.key), words.sentence.key).toBe(true);
    }
  });
});
