import type { Person, PersonInput, PersonType } from '../../common/ipc/contract-attendance';
import { h } from '../ui/dom';
import { createConsentFields } from './consent-fields';
import { enumSelect, field, readYear, textInput } from './form-fields';
import { personTypes, sexKey, sexes, typeKey } from './labels';
import { mayBeMinor } from './local-dates';

export type PersonFormRead =
  | { ok: true; person: PersonInput }
  | { ok: false; key: string; params?: Record<string, string | number>; focus: HTMLElement };

export interface PersonForm {
  element: HTMLElement;
  nameInput: HTMLInputElement;
  /** Validates what the form can check itself; main validates again. */
  read(): PersonFormRead;
  /** Empties the form after a successful save (never after an error). */
  reset(): void;
  /** Loads a person for editing (consent is edited separately). */
  fill(person: Person): void;
  /** Preselects the type (e.g. caregiver at a family workshop). */
  setType(type: PersonType): void;
  focus(): void;
}

/**
 * Name, type, birth year, optional sex and — for minors — the guardian's consent. Used by
 * People (add, edit) and by Check-in (walk-in). The consent part appears as soon as the birth
 * year says the person may be under 18, or for a learner whose year is not typed yet.
 */
export const createPersonForm = (options: { idPrefix: string; withConsent: boolean }): PersonForm => {
  const p = options.idPrefix;
  const nameInput = textInput({ id: `${p}-name`, name: 'displayName', maxlength: 80, required: true });
  const typeSelect = enumSelect(personTypes, typeKey, { id: `${p}-type`, name: 'type' });
  const yearInput = textInput({
    id: `${p}-birth-year`,
    name: 'birthYear',
    inputmode: 'numeric',
    maxlength: 4,
    pattern: '\\d{4}',
  });
  const sexSelect = enumSelect(sexes, sexKey, {
    id: `${p}-sex`,
    name: 'sex',
    emptyKey: 'staff.ui.sex.unspecified',
  });

  const consent = createConsentFields(p, 'staff.ui.consent.legend');
  const consentSet = consent.element;
  consentSet.hidden = true;

  const needsConsent = (): boolean => {
    const year = readYear(yearInput);
    if (year !== null && !Number.isNaN(year)) return mayBeMinor(year);
    return (typeSelect.value as PersonType) === 'learner';
  };
  const updateConsent = () => {
    consentSet.hidden = !options.withConsent || !needsConsent();
  };
  yearInput.addEventListener('input', updateConsent);
  typeSelect.addEventListener('change', updateConsent);
  updateConsent();

  const element = h(
    'div',
    { class: 'person-form' },
    h(
      'div',
      { class: 'field-row' },
      field('staff.ui.person.name', nameInput),
      field('staff.ui.person.type', typeSelect),
      field('staff.ui.person.birth-year', yearInput, 'staff.ui.person.birth-year-hint'),
      field('staff.ui.person.sex', sexSelect),
    ),
    consentSet,
  );

  return {
    element,
    nameInput,
    read() {
      const displayName = nameInput.value.trim();
      if (!displayName) return { ok: false, key: 'staff.ui.form.name-required', focus: nameInput };
      const type = typeSelect.value as PersonType;
      const birthYear = readYear(yearInput);
      if (Number.isNaN(birthYear)) return { ok: false, key: 'staff.ui.form.bad-year', focus: yearInput };
      if (type === 'learner' && birthYear === null) {
        return { ok: false, key: 'staff.ui.form.year-required', focus: yearInput };
      }
      const person: PersonInput = {
        displayName,
        type,
        birthYear,
        sex: (sexSelect.value || null) as PersonInput['sex'],
      };
      if (options.withConsent && needsConsent()) {
        // Without a guardian the person is registered with consent missing; check-in then asks.
        const read = consent.read(false);
        if (read.ok === false) return read;
        if (read.ok === true) person.consent = read.consent;
      }
      return { ok: true, person };
    },
    reset() {
      nameInput.value = '';
      yearInput.value = '';
      sexSelect.value = '';
      consent.reset();
      updateConsent();
    },
    fill(person) {
      nameInput.value = person.displayName;
      typeSelect.value = person.type;
      yearInput.value = person.birthYear === null ? '' : String(person.birthYear);
      sexSelect.value = person.sex ?? '';
      updateConsent();
    },
    setType(type) {
      typeSelect.value = type;
      updateConsent();
    },
    focus() {
      nameInput.focus();
    },
  };
};
