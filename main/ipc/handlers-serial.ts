import type { AppServices } from '../app/services';
import type { CallHandlers } from './dispatcher';
import type { SerialCallName } from '../../common/ipc/contract-serial';

export const createSerialHandlers = (services: AppServices): Pick<CallHandlers, SerialCallName> => ({
  'serial.listPorts': () => services.serial.listPorts(),
  'serial.addManualPort': ({ path }) => services.serial.addManualPort(path),
  'serial.prepareBoard': ({ path }) => services.serial.prepareBoard(path),
  'serial.diagnose': async ({ path }) => ({ findings: await services.serial.diagnose(path) }),
  'serial.guide': async ({ locale }) => ({ markdown: await services.serial.guide(locale) }),
});
