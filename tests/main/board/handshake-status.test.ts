/** The handshake-to-status mapping (pure): every end of a handshake becomes one typed status. */
import { describe, expect, it } from 'vitest';
import { handshakeStatus } from '../../../main/board/handshake-status';

const serial = { kind: 'serial', path: '/dev/ttyUSB0' } as const;
const virtual = { kind: 'virtual' } as const;

describe('handshakeStatus', () => {
  it('a silent or garbled board has no firmware; Prepare is offered on a serial port only', () => {
    expect(handshakeStatus(serial, { ok: false, reason: 'no-firmware' })).toEqual({
      state: 'no-firmware',
      target: serial,
      firmware: null,
      messageKey: 'board.error.no-firmware',
      canPrepare: true,
    });
    expect(handshakeStatus(virtual, { ok: false, reason: 'no-firmware' }).canPrepare).toBe(false);
    expect(handshakeStatus(serial, { ok: false, reason: 'incomplete' })).toMatchObject({
      state: 'no-firmware',
      messageKey: 'board.error.firmware-incomplete',
    });
  });

  it('a link lost during the handshake is lost, with nothing to prepare', () => {
    expect(handshakeStatus(serial, { ok: false, reason: 'lost' })).toMatchObject({
      state: 'lost',
      messageKey: 'board.error.lost',
      canPrepare: false,
    });
  });

  it('our current firmware is ready without a note; an older build asks for Prepare', () => {
    expect(handshakeStatus(serial, { ok: true, firmware: { name: 'Chispa', major: 1, minor: 0 } })).toEqual({
      state: 'ready',
      target: serial,
      firmware: { name: 'Chispa', version: '1.0' },
      messageKey: null,
      canPrepare: false,
    });
    expect(
      handshakeStatus(serial, { ok: true, firmware: { name: 'Chispa', major: 0, minor: 9 } }),
    ).toMatchObject({
      state: 'old-firmware',
      messageKey: 'board.error.old-firmware',
      canPrepare: true,
    });
  });

  it('StandardFirmata (or a board that names no firmware) is ready with the note that sounds need Prepare', () => {
    expect(
      handshakeStatus(serial, { ok: true, firmware: { name: 'StandardFirmata', major: 2, minor: 5 } }),
    ).toEqual({
      state: 'ready',
      target: serial,
      firmware: { name: 'StandardFirmata', version: '2.5' },
      messageKey: 'board.info.other-firmware',
      canPrepare: true,
    });
    expect(handshakeStatus(serial, { ok: true, firmware: null })).toMatchObject({
      state: 'ready',
      firmware: null,
      messageKey: 'board.info.other-firmware',
    });
  });
});
