import type { AppServices } from '../app/services';
import type { CallHandlers } from './dispatcher';

type HelpHandlerNames = 'help.country' | 'help.setCountry' | 'help.resources';

export const createHelpHandlers = (services: AppServices): Pick<CallHandlers, HelpHandlerNames> => ({
  'help.country': () => services.help.country(),
  'help.setCountry': ({ country }) => services.help.setCountry(country),
  'help.resources': ({ keys }) => services.help.resources(keys),
});
