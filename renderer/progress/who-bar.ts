/**
 * "¿Quién eres?" on the student screen: the child picks their name from today's check-in on this
 * PC, or "Anónimo", so the steps they pass count for them. Main remembers the choice for this PC
 * until "Nuevo" or another child picks. Buttons only: every part is reachable with the keyboard.
 */
import type { ProgressChoice } from '../../common/ipc/contract-progress';
import type { Feature } from '../app/features';
import { ChispaCallError, type ChispaClient } from '../ipc/client';
import { applyTranslations, errorText, onLocaleChange, t } from '../i18n/i18n';
import { h, label } from '../ui/dom';

const buildWhoBar = (client: ChispaClient) => {
  const current = h('span', { class: 'who-current', id: 'who-current' });
  const change = label('button', 'progress.who.change', {
    type: 'button',
    class: 'secondary',
    id: 'who-change',
  });
  const forget = label('button', 'progress.who.new', { type: 'button', class: 'secondary', id: 'who-new' });
  const message = h('p', { class: 'who-message', role: 'status' });
  const names = h('div', { class: 'who-names' });
  const picker = h(
    'div',
    { class: 'who-picker', id: 'who-picker', role: 'group', 'aria-labelledby': 'who-title', hidden: true },
    label('h2', 'progress.who.title', { id: 'who-title', class: 'who-title' }),
    label('p', 'progress.who.intro'),
    names,
    message,
    label('button', 'progress.who.close', {
      type: 'button',
      class: 'secondary',
      id: 'who-close',
      onclick: () => close(),
    }),
  );
  const root = h(
    'div',
    { class: 'who-bar', id: 'who-bar' },
    h('div', { class: 'who-line' }, current, change, forget),
    picker,
  );
  let choice: ProgressChoice | null = null;

  const show = (next: ProgressChoice) => {
    choice = next;
    const learner = next.learner;
    current.textContent =
      learner.kind === 'person'
        ? t('progress.who.current', { name: learner.displayName })
        : learner.kind === 'anonymous'
          ? t('progress.who.currentAnonymous')
          : t('progress.who.nobody');
    forget.hidden = learner.kind === 'none';
    const option = (text: string, personId: string | null) =>
      h(
        'button',
        {
          type: 'button',
          class: 'who-name',
          'data-person': personId ?? 'anonymous',
          onclick: () => void pick(personId),
        },
        text,
      );
    names.replaceChildren(
      ...next.today.map((person) => option(person.displayName, person.personId)),
      option(t('progress.who.anonymous'), null),
    );
    message.textContent = next.today.length === 0 ? t('progress.who.none') : '';
  };
  const failed = (error: unknown) => {
    message.textContent =
      error instanceof ChispaCallError ? errorText(error.error) : t('progress.who.loadError');
  };
  const close = () => {
    picker.hidden = true;
    change.setAttribute('aria-expanded', 'false');
    change.focus();
  };
  const pick = async (personId: string | null) => {
    try {
      show(await client.call('progress.choose', { personId }));
      close();
    } catch (error) {
      failed(error);
    }
  };
  const open = async () => {
    try {
      show(await client.call('progress.choice', {}));
    } catch (error) {
      failed(error);
    }
    picker.hidden = false;
    change.setAttribute('aria-expanded', 'true');
    names.querySelector('button')?.focus();
  };
  change.setAttribute('aria-controls', 'who-picker');
  change.setAttribute('aria-expanded', 'false');
  change.addEventListener('click', () => void (picker.hidden ? open() : close()));
  forget.addEventListener('click', () => {
    void client.call('progress.forget', {}).then(show, failed);
  });
  const refresh = () => client.call('progress.choice', {}).then(show, failed);
  onLocaleChange(() => {
    if (choice) show(choice);
  });
  return { root, refresh };
};

export const progressFeature: Feature = async ({ client, frame }) => {
  const bar = buildWhoBar(client);
  frame.regions.lesson.prepend(bar.root);
  applyTranslations(bar.root);
  await bar.refresh();
};
