import type { AppServices } from '../app/services';
import type { CallHandlers } from './dispatcher';
import type { BoardCallName } from '../../common/ipc/contract-board';

export const createBoardHandlers = (services: AppServices): Pick<CallHandlers, BoardCallName> => ({
  'board.status': () => services.board.status(),
  'board.connect': ({ target }) => services.board.connect(target),
  'board.disconnect': () => services.board.disconnect(),
  'board.command': ({ command }) => services.board.command(command),
  'board.setRunning': ({ running }) => {
    const target = services.board.status().target;
    if (target?.kind !== 'serial') return {};
    const { ownership } = services.serial;
    // Only a connected board can start running; stopping is harmless to repeat.
    if (!running || ownership.ownerOf(target.path) === 'connected')
      ownership.setRunning(target.path, running);
    return {};
  },
  'board.virtualInput': ({ input }) => {
    services.board.virtualInput(input);
    return {};
  },
});
