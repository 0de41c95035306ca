import type { AppServices } from '../app/services';
import type { CallHandlers } from './dispatcher';

type ProgressHandlerNames = 'progress.choice' | 'progress.choose' | 'progress.forget' | 'progress.report';

export const createProgressHandlers = (services: AppServices): Pick<CallHandlers, ProgressHandlerNames> => ({
  'progress.choice': () => services.progress.choice(),
  'progress.choose': ({ personId }) => services.progress.choose(personId),
  'progress.forget': () => services.progress.forget(),
  'progress.report': () => services.progress.report(),
});
