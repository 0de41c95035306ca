/**
 * What the connect panel says for a board status: the sentence (a locale key + params), an
 * optional second sentence, whether "Prepare board" is offered and which guide section
 * "¿Qué hago?" opens. Pure: no DOM, so it is tested in node.
 */
import type { MessageParams } from '../../common/i18n/translate';
import type { BoardStatus } from '../../common/ipc/contract-board';
import { boardStateGuideAnchor, guideAnchorFor } from '../../common/serial/error-guide';

export interface Words {
  key: string;
  params: MessageParams;
}

export interface StatusWords {
  sentence: Words;
  /** A second sentence (the service's own explanation, or "reconnecting when it comes back"). */
  detail: Words | null;
  prepare: boolean;
  guideAnchor: string | null;
}

const whereWords = (status: BoardStatus): Words =>
  status.target?.kind === 'serial'
    ? { key: 'connect.where.serial', params: { path: status.target.path } }
    : { key: 'connect.where.virtual', params: {} };

/** The guide section for an error message key like "error.serial.port-busy" or "…port-owned.running". */
export const guideAnchorForMessageKey = (messageKey: string | null): string | null => {
  const match = messageKey ? /^error\.(serial\.[a-z-]+)/.exec(messageKey) : null;
  return match ? guideAnchorFor(match[1]) : null;
};

export const statusWords = (status: BoardStatus, hasMessage: (key: string) => boolean): StatusWords => {
  const serial = status.target?.kind === 'serial';
  const own = status.messageKey && hasMessage(status.messageKey) ? status.messageKey : null;
  const base = { detail: null, prepare: false, guideAnchor: null };
  switch (status.state) {
    case 'idle':
      return { ...base, sentence: { key: 'connect.state.idle', params: {} } };
    case 'connecting':
      return { ...base, sentence: { key: 'connect.state.connecting', params: { where: '' } } };
    case 'ready':
      // Ready on another Firmata: the service's note (sounds and distance need Prepare) and the offer.
      return {
        ...base,
        detail: own ? { key: own, params: {} } : null,
        prepare: serial && status.canPrepare,
        sentence:
          serial && status.firmware
            ? {
                key: 'connect.state.ready',
                params: { where: '', firmware: status.firmware.name, version: status.firmware.version },
              }
            : serial
              ? { key: 'connect.state.ready', params: { where: '', firmware: '', version: '' } }
              : { key: 'connect.state.ready-virtual', params: {} },
      };
    case 'lost':
      return {
        ...base,
        sentence: { key: 'connect.state.lost', params: {} },
        detail: serial ? { key: 'connect.state.lost.waiting', params: {} } : null,
        guideAnchor: serial ? (boardStateGuideAnchor.lost ?? null) : null,
      };
    case 'flashing':
      return { ...base, sentence: { key: 'connect.state.flashing', params: {} } };
    default: {
      // no-firmware, old-firmware, port-busy, error: the state's sentence, then the service's.
      const anchor =
        boardStateGuideAnchor[status.state] ??
        guideAnchorForMessageKey(status.messageKey) ??
        (serial ? 'board-not-found' : null);
      return {
        sentence: { key: `connect.state.${status.state}`, params: {} },
        detail: own
          ? { key: own, params: serial ? { path: (status.target as { path: string }).path } : {} }
          : null,
        prepare: status.canPrepare,
        guideAnchor: anchor,
      };
    }
  }
};

/** Fills the {where} parameter (translated) into a sentence that has one. */
export const withWhere = (words: Words, status: BoardStatus, translate: (w: Words) => string): Words =>
  'where' in words.params
    ? { ...words, params: { ...words.params, where: translate(whereWords(status)) } }
    : words;
