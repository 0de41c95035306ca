import type { SyncCallName } from '../../common/ipc/contract-sync';
import type { AppServices } from '../app/services';
import type { CallHandlers } from './dispatcher';
import { actorOf } from './staff-actor';

export const createSyncHandlers = (services: AppServices): Pick<CallHandlers, SyncCallName> => ({
  'sync.status': () => services.sync.status(),
  'sync.enrol': ({ address, code }) => services.sync.enrol(address, code),
  'sync.now': () => services.sync.syncNow(),
  'sync.problems': async ({ limit }) => ({ problems: await services.sync.problems(limit) }),
  'sync.exportBundle': (_args, ctx) => services.sync.exportBundle(actorOf(ctx)),
});
