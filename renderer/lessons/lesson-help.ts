import type { HelpCountryChoice } from '../../common/ipc/contract-help';
import type { HelpLine } from '../../common/help-resources/help-resources';
import type { Locale } from '../../common/i18n/locale';
import { t } from '../i18n/i18n';
import { h } from '../ui/dom';

export interface LessonHelp {
  country: HelpCountryChoice | null;
  entries: Record<Locale, Record<string, HelpLine[]>>;
}

/**
 * A step's help resources: for each key, the chosen country's helplines (name, what to dial,
 * what it is for), or a clear fallback — no country chosen yet, or none for this key — that
 * always ends with "talk to a trusted adult".
 */
export const renderLessonHelp = (box: HTMLElement, keys: readonly string[], help: LessonHelp | null, locale: Locale) => {
  box.replaceChildren();
  box.hidden = keys.length === 0;
  if (keys.length === 0) return;
  box.append(h('h5', {}, t('help.title')));
  if (!help?.country) {
    box.append(h('p', { 'data-testid': 'lesson-help-fallback' }, t('help.noCountry')));
    return;
  }
  const country = help.country.name[locale];
  for (const key of keys) {
    const lines = help.entries[locale][key] ?? [];
    const section = h('section', { class: 'lesson-help-key', 'data-help-key': key }, h('h6', {}, t(`help.key.${key}`)));
    if (lines.length === 0)
      section.append(h('p', { 'data-testid': 'lesson-help-fallback' }, t('help.noEntry', { country })));
    for (const line of lines) {
      section.append(
        h(
          'p',
          { class: 'lesson-help-line', 'data-testid': 'lesson-help-line' },
          h('strong', {}, `${line.name}: ${line.contact}`),
          ` — ${line.description}`,
        ),
      );
    }
    box.append(section);
  }
  box.append(h('p', { class: 'lesson-help-country' }, t('help.country', { country })));
};
