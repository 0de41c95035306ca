import type { AppServices } from '../app/services';
import type { CallHandlers } from './dispatcher';

type BoardHandlerNames =
  'board.status' | 'board.connect' | 'board.disconnect' | 'board.command' | 'board.virtualInput';

export const createBoardHandlers = (services: AppServices): Pick<CallHandlers, BoardHandlerNames> => ({
  'board.status': () => services.board.status(),
  'board.connect': ({ target }) => services.board.connect(target),
  'board.disconnect': () => services.board.disconnect(),
  'board.command': ({ command }) => services.board.command(command),
  'board.virtualInput': ({ input }) => {
    services.board.virtualInput(input);
    return {};
  },
});
