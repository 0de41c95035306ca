import { h, label } from '../ui/dom';

let nextId = 0;
/** Unique ids so every label points at its control (several forms live side by side). */
export const uid = (prefix: string): string => `${prefix}-${(nextId += 1)}`;

type ControlElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A <label for> + control pair; the label text follows the language. */
export const field = (labelKey: string, control: ControlElement, hintKey?: string): HTMLElement => {
  if (!control.id) control.id = uid('staff-field');
  const hint = hintKey ? label('small', hintKey, { class: 'hint', id: `${control.id}-hint` }) : null;
  if (hint) control.setAttribute('aria-describedby', hint.id);
  return h('div', { class: 'field' }, label('label', labelKey, { for: control.id }), control, hint);
};

export const textInput = (
  attrs: Record<string, string | number | boolean | undefined> = {},
): HTMLInputElement => h('input', { type: 'text', autocomplete: 'off', ...attrs });

/** A select whose options are translated labels of enum values. */
export const enumSelect = <T extends string>(
  values: readonly T[],
  keyOf: (value: T) => string,
  options: { emptyKey?: string; name?: string; id?: string } = {},
): HTMLSelectElement => {
  const select = h('select', { name: options.name, id: options.id });
  if (options.emptyKey) select.append(h('option', { value: '', 'data-i18n': options.emptyKey }));
  for (const value of values) select.append(h('option', { value, 'data-i18n': keyOf(value) }));
  return select;
};

export const button = (
  key: string,
  attrs: Record<string, string | boolean | EventListener | undefined> = {},
): HTMLButtonElement => label('button', key, { type: 'button', ...attrs });

/** Reads an optional whole number (empty → null, anything else not a number → NaN). */
export const readYear = (input: HTMLInputElement): number | null => {
  const text = input.value.trim();
  if (!text) return null;
  return /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
};
