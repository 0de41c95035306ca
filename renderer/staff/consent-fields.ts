import { consentScopesProblem } from '../../common/attendance/consent-rule';
import type { ConsentInput } from '../../common/ipc/contract-attendance';
import { h, label } from '../ui/dom';
import { enumSelect, field, textInput, uid } from './form-fields';
import { consentMethods, consentScopes, methodKey, relationKey, relations, scopeKey } from './labels';
import { localDate } from './local-dates';

export type ConsentRead =
  { ok: true; consent: ConsentInput } | { ok: 'empty' } | { ok: false; key: string; focus: HTMLElement };

/** Guardian consent: who, relation, method, date and what they agreed to. */
export const createConsentFields = (prefix: string, legendKey: string) => {
  const guardian = textInput({ id: `${prefix}-guardian`, name: 'guardianName', maxlength: 80 });
  const relation = enumSelect(relations, relationKey, { id: `${prefix}-relation`, name: 'relation' });
  const method = enumSelect(consentMethods, methodKey, { id: `${prefix}-method`, name: 'method' });
  const date = h('input', {
    type: 'date',
    id: `${prefix}-consent-date`,
    name: 'consentDate',
    value: localDate(),
  });
  const boxes = consentScopes.map((scope) => {
    // Never ticked for the guardian: each scope is chosen explicitly (common/attendance/consent-rule.ts).
    const box = h('input', { type: 'checkbox', id: uid(`${prefix}-scope`), value: scope });
    return { scope, box };
  });
  const element = h(
    'fieldset',
    { class: 'consent-fields', 'data-consent': prefix },
    label('legend', legendKey),
    h(
      'div',
      { class: 'field-row' },
      field('staff.ui.consent.guardian', guardian),
      field('staff.ui.consent.relation', relation),
      field('staff.ui.consent.method', method),
      field('staff.ui.consent.date', date),
    ),
    h(
      'div',
      { class: 'scopes', role: 'group', 'aria-labelledby': `${prefix}-scopes-label` },
      label('span', 'staff.ui.consent.scopes', { id: `${prefix}-scopes-label` }),
      ...boxes.map(({ scope, box }) => h('label', { for: box.id }, box, label('span', scopeKey(scope)))),
    ),
  );
  return {
    element,
    read(required: boolean): ConsentRead {
      const guardianName = guardian.value.trim();
      if (!guardianName) {
        return required
          ? { ok: false, key: 'staff.ui.form.guardian-required', focus: guardian }
          : { ok: 'empty' };
      }
      const scopes = boxes.filter(({ box }) => box.checked).map(({ scope }) => scope);
      const problem = consentScopesProblem(scopes);
      if (problem) return { ok: false, key: `staff.error.${problem}`, focus: boxes[0].box };
      if (!date.value) return { ok: false, key: 'staff.ui.form.date-required', focus: date };
      return {
        ok: true,
        consent: {
          guardianName,
          relation: relation.value as ConsentInput['relation'],
          method: method.value as ConsentInput['method'],
          date: date.value,
          scopes,
        },
      };
    },
    reset() {
      guardian.value = '';
      date.value = localDate();
      for (const { box } of boxes) box.checked = false;
    },
  };
};
