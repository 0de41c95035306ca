import type { HelpCountryChoice } from '../../common/ipc/contract-help';
import { helpCountrySchema } from '../../common/help-resources/help-resources';
import { getLocale } from '../i18n/i18n';
import { h, label } from '../ui/dom';
import { field } from './form-fields';
import type { StaffContext } from './staff-context';
import { createStatusLine } from './status-line';
import { whileConnected } from './staff-text';

/** Admin setting: the country whose helplines and reporting channels the lessons show. */
export const buildHelpCountrySettings = (ctx: StaffContext): HTMLElement => {
  const select = h('select', { id: 'settings-help-country' });
  const status = createStatusLine('settings-help-country-status');
  let countries: HelpCountryChoice[] = [];
  const fillOptions = () => {
    const chosen = select.value;
    select.replaceChildren(
      label('option', 'help.settings.none', { value: '' }),
      ...countries.map((choice) => h('option', { value: choice.country }, choice.name[getLocale()])),
    );
    select.value = chosen;
  };
  const form = h(
    'form',
    { class: 'staff-card', id: 'settings-help-country-form', novalidate: true },
    label('h3', 'help.settings.title'),
    field('help.settings.country', select, 'help.settings.hint'),
    label('button', 'staff.ui.save', { type: 'submit' }),
    status.element,
  );
  void ctx.call('help.country', {}).then(
    (result) => {
      countries = result.countries;
      fillOptions();
      select.value = result.country ?? '';
    },
    (error: unknown) => status.error(error),
  );
  whileConnected(form, fillOptions);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const picked = helpCountrySchema.safeParse(select.value);
    try {
      const result = await ctx.call('help.setCountry', { country: picked.success ? picked.data : null });
      const name = countries.find((choice) => choice.country === result.country)?.name[getLocale()];
      if (name) status.ok('help.settings.saved', { country: name });
      else status.ok('help.settings.cleared');
    } catch (error) {
      status.error(error);
    }
  });
  return form;
};
