import type { AppServices } from '../app/services';
import type { CallHandlers } from './dispatcher';
import type { ProjectCallName } from '../../common/ipc/contract-projects';

export const createProjectHandlers = (services: AppServices): Pick<CallHandlers, ProjectCallName> => ({
  'projects.loadAutosave': () => services.projects.loadAutosave(),
  'projects.saveAutosave': ({ project }) => services.projects.saveAutosave(project),
  'projects.setAsideAutosave': () => services.projects.setAsideAutosave(),
  'projects.startNew': () => {
    services.projects.startNew();
    return {};
  },
  'projects.listRecent': () => ({ projects: services.projects.listRecent() }),
  'projects.openRecent': ({ id }) => ({ project: services.projects.openRecent(id) }),
});
