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

type LiveClassHandlerNames =
  | 'classroom.interfaces'
  | 'classroom.open'
  | 'classroom.view'
  | 'classroom.admit'
  | 'classroom.sendToStep'
  | 'classroom.lock'
  | 'classroom.hint'
  | 'classroom.close'
  | 'classroom.join'
  | 'classroom.leave'
  | 'classroom.pickName'
  | 'classroom.memberState'
  | 'classroom.discover';

export const createLiveClassHandlers = (
  services: AppServices,
): Pick<CallHandlers, LiveClassHandlerNames> => ({
  'classroom.interfaces': () => services.classroom.interfaces(),
  'classroom.open': ({ address, sessionId, label }) =>
    services.classroom.open(address, sessionId, label ?? ''),
  'classroom.view': () => services.classroom.view(),
  'classroom.admit': ({ pcId }) => services.classroom.admit(pcId),
  'classroom.sendToStep': ({ lessonId, step }) => services.classroom.sendToStep(lessonId, step),
  'classroom.lock': ({ locked }) => services.classroom.lock(locked),
  'classroom.hint': ({ pcId, text }) => services.classroom.hint(pcId, text),
  'classroom.close': () => services.classroom.close(),
  'classroom.join': ({ address, code }) => services.classroom.join(address, code),
  'classroom.leave': () => services.classroom.leave(),
  'classroom.pickName': ({ ref }) => services.classroom.pickName(ref),
  'classroom.memberState': () => services.classroom.memberState(),
  'classroom.discover': async () => ({ classes: await services.classroom.discover() }),
});
