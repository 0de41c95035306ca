/**
 * Words a child understands for whatever stopped a program. Returns a locale key and params;
 * the UI translates it (so a language switch re-words a message already on screen).
 */
import type { IpcError } from '../../common/ipc/app-error';
import { hasMessage } from '../../common/i18n/translate';
import type { ProgramFault } from './program-protocol';

export interface FriendlyMessage {
  key: string;
  params: Record<string, string | number>;
}

const boardMessage = (error: IpcError): FriendlyMessage => {
  if (error.code === 'transport-closed') return { key: 'runner.error.app-lost', params: {} };
  if (error.code === 'bad-request') return { key: 'runner.error.bad-value', params: {} };
  // The board service explains its own errors (board.error.*) when it has words for them.
  if (hasMessage('es', error.messageKey) && hasMessage('en', error.messageKey)) {
    return { key: error.messageKey, params: { ...error.params } };
  }
  return { key: 'runner.error.board', params: { code: error.code } };
};

export const describeFault = (fault: ProgramFault): FriendlyMessage => {
  switch (fault.kind) {
    case 'syntax':
      return { key: 'runner.error.syntax', params: {} };
    case 'invalid':
      return { key: fault.key, params: fault.params };
    case 'board':
      return boardMessage(fault.error);
    case 'exception': {
      if (fault.name === 'ReferenceError') return { key: 'runner.error.unknown-name', params: {} };
      if (fault.name === 'RangeError' && /call stack/i.test(fault.detail)) {
        return { key: 'runner.error.too-deep', params: {} };
      }
      if (fault.name === 'TypeError') return { key: 'runner.error.wrong-kind', params: {} };
      return { key: 'runner.error.exception', params: { detail: fault.detail.slice(0, 200) } };
    }
  }
};
