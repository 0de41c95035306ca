import type { AppServices } from '../app/services';
import type { CallHandlers } from './dispatcher';
import type { ProjectCallName } from '../../common/ipc/contract-projects';

export const createProjectHandlers = (services: AppServices): Pick<CallHandlers, ProjectCallName> => ({
  'projects.loadAutosave': () => services.projects.loadAutosave(),
  'projects.saveAutosave': ({ project }) => services.projects.saveAutosave(project),
  'projects.setAsideAutosave': () => services.projects.setAsideAutosave(),
});
