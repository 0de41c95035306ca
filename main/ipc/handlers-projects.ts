import type { AppServices } from '../app/services';
import type { CallHandlers } from './dispatcher';

type ProjectHandlerNames = 'projects.loadAutosave' | 'projects.saveAutosave' | 'projects.setAsideAutosave';

export const createProjectHandlers = (services: AppServices): Pick<CallHandlers, ProjectHandlerNames> => ({
  'projects.loadAutosave': () => services.projects.loadAutosave(),
  'projects.saveAutosave': ({ project }) => services.projects.saveAutosave(project),
  'projects.setAsideAutosave': () => services.projects.setAsideAutosave(),
});
