import type { AppServices } from '../app/services';
import type { CallHandlers } from './dispatcher';

type ClassroomHandlerNames =
  'plans.list' | 'plans.get' | 'plans.copy' | 'plans.save' | 'plans.startToday' | 'plans.guide';

export const createClassroomHandlers = (
  services: AppServices,
): Pick<CallHandlers, ClassroomHandlerNames> => ({
  'plans.list': () => services.plans.list(),
  'plans.get': ({ id }) => services.plans.get(id),
  'plans.copy': ({ id, title }) => services.plans.copy(id, title),
  'plans.save': ({ plan }) => services.plans.save(plan),
  'plans.startToday': (input) => services.plans.startToday(input),
  'plans.guide': ({ id, meeting }) => services.plans.guide(id, meeting),
});
