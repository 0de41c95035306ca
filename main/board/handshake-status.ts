/**
 * What the app says about a board once the Firmata handshake ended: the typed status for a
 * failure (no firmware, an unfinished handshake, a lost link) or for the firmware the board named
 * (ours, an older build of ours, or another Firmata such as StandardFirmata). Pure.
 */
import type { BoardStatus, BoardTarget } from '../../common/ipc/contract-board';
import { classifyFirmware, formatFirmwareVersion, type FirmwareIdentity } from './chispa-firmware';
import type { HandshakeFailure } from './johnny-five-stack';

export type HandshakeOutcome =
  { ok: false; reason: HandshakeFailure } | { ok: true; firmware: FirmwareIdentity | null };

export const handshakeStatus = (target: BoardTarget, outcome: HandshakeOutcome): BoardStatus => {
  const serial = target.kind === 'serial';
  if (!outcome.ok) {
    if (outcome.reason === 'lost')
      return { state: 'lost', target, firmware: null, messageKey: 'board.error.lost', canPrepare: false };
    const messageKey =
      outcome.reason === 'incomplete' ? 'board.error.firmware-incomplete' : 'board.error.no-firmware';
    return { state: 'no-firmware', target, firmware: null, messageKey, canPrepare: serial };
  }
  const reported = outcome.firmware;
  const firmware = reported ? { name: reported.name, version: formatFirmwareVersion(reported) } : null;
  const kind = reported ? classifyFirmware(reported) : 'other-firmata';
  if (kind === 'chispa-old')
    return {
      state: 'old-firmware',
      target,
      firmware,
      messageKey: 'board.error.old-firmware',
      canPrepare: true,
    };
  if (kind === 'other-firmata')
    // Lights, buttons, sensors and servos work; sounds and distance need our firmware.
    return { state: 'ready', target, firmware, messageKey: 'board.info.other-firmware', canPrepare: true };
  return { state: 'ready', target, firmware, messageKey: null, canPrepare: false };
};
