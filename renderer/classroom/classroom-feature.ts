import type { ClassroomMemberState } from '../../common/ipc/contract-classroom';
import type { Feature } from '../app/features';
import { revealLessonColumn } from '../app/lesson-fold';
import { errorText, t } from '../i18n/i18n';
import { ChispaCallError } from '../ipc/client';
import { h, label } from '../ui/dom';
import { applyTranslations } from '../i18n/i18n';

/**
 * The student screen's side of a live class: "Unirme a la clase" (address and code from the
 * projector), the child's name from today's list, the "¡Manos arriba!" lock, hints, and "send
 * everyone to a step". Without a class (or when it goes away) nothing here stops the child.
 */
export const classroomFeature: Feature = async ({ client, frame, shared }) => {
  const toggle = label('button', 'classroom.join.toggle', {
    type: 'button',
    class: 'secondary',
    id: 'class-join-toggle',
  });
  const phase = h('span', { class: 'class-phase', id: 'class-phase', role: 'status', 'aria-live': 'polite' });
  const address = h('input', {
    type: 'text',
    id: 'class-join-address',
    autocomplete: 'off',
    maxlength: '40',
    placeholder: '192.168.1.10:47820',
  });
  const code = h('input', {
    type: 'text',
    id: 'class-join-code',
    autocomplete: 'off',
    maxlength: '8',
    placeholder: 'K7P-4QX',
  });
  const problem = h('p', { class: 'error-text', id: 'class-join-problem', role: 'alert' });
  const findButton = label('button', 'classroom.join.find', {
    type: 'button',
    class: 'secondary',
    id: 'class-join-find',
  });
  const findStatus = h('p', { id: 'class-join-find-status', role: 'status', 'aria-live': 'polite' });
  const found = h('ul', { class: 'class-found', id: 'class-join-found' });
  const names = h('select', { id: 'class-join-name' });
  const nameField = h(
    'div',
    { class: 'field', hidden: true, id: 'class-join-name-field' },
    label('label', 'classroom.join.name', { for: 'class-join-name' }),
    names,
  );
  const joinButton = label('button', 'classroom.join.join', {
    type: 'button',
    class: 'primary',
    id: 'class-join-submit',
  });
  const leaveButton = label('button', 'classroom.join.leave', {
    type: 'button',
    class: 'secondary',
    id: 'class-join-leave',
  });
  const closeButton = label('button', 'classroom.join.close', {
    type: 'button',
    class: 'secondary',
    id: 'class-join-close',
  });
  const dialog = h(
    'dialog',
    { id: 'class-join-dialog', 'aria-labelledby': 'class-join-title' },
    label('h2', 'classroom.join.title', { id: 'class-join-title' }),
    findButton,
    findStatus,
    found,
    h(
      'div',
      { class: 'field' },
      label('label', 'classroom.join.address', { for: 'class-join-address' }),
      address,
    ),
    h('div', { class: 'field' }, label('label', 'classroom.join.code', { for: 'class-join-code' }), code),
    problem,
    nameField,
    h('div', { class: 'dialog-actions' }, joinButton, leaveButton, closeButton),
  );
  const lockOverlay = h(
    'div',
    {
      class: 'class-lock',
      id: 'class-lock-overlay',
      hidden: true,
      role: 'alertdialog',
      'aria-labelledby': 'class-lock-text',
    },
    label('p', 'classroom.lock.text', { id: 'class-lock-text' }),
  );
  const hint = h('div', { class: 'class-hint-banner', id: 'class-hint', role: 'alert', hidden: true });
  // In the status bar, not the header: the header has no room left at 1024 px.
  frame.status.append(toggle, phase);
  document.body.append(dialog, lockOverlay, hint);

  const render = (state: ClassroomMemberState) => {
    phase.dataset.phase = state.phase;
    phase.textContent = state.phase === 'idle' ? '' : t(`classroom.phase.${state.phase}`);
    lockOverlay.hidden = !state.locked;
    const inClass = state.phase === 'admitted' || state.phase === 'offline';
    nameField.hidden = !inClass || state.names.length === 0;
    leaveButton.hidden = state.phase === 'idle';
    const chosen = state.nameRef ?? '';
    names.replaceChildren(
      h('option', { value: '' }, t('classroom.join.pc-name')),
      ...state.names.map((n) => h('option', { value: n.ref }, n.name)),
    );
    names.value = chosen;
    if (state.hint) {
      hint.textContent = t('classroom.hint.from-instructor', { text: state.hint });
      hint.hidden = false;
    }
  };

  toggle.addEventListener('click', () => {
    problem.textContent = '';
    dialog.showModal();
    address.focus();
  });
  closeButton.addEventListener('click', () => dialog.close());
  findButton.addEventListener('click', async () => {
    findButton.disabled = true;
    findStatus.textContent = t('classroom.join.finding');
    found.replaceChildren();
    try {
      const { classes } = await client.call('classroom.discover', {});
      found.replaceChildren(
        ...classes.map((c) => {
          const where = `${c.address}:${c.port}`;
          const pick = h(
            'button',
            { type: 'button', class: 'secondary', 'data-address': where },
            c.label || where,
          );
          if (c.label) pick.append(h('small', {}, ` (${where})`));
          pick.addEventListener('click', () => {
            address.value = where;
            code.focus();
          });
          return h('li', {}, pick);
        }),
      );
      findStatus.textContent = t(classes.length ? 'classroom.join.found' : 'classroom.join.none-found');
    } catch (error) {
      findStatus.textContent = error instanceof ChispaCallError ? errorText(error.error) : String(error);
    } finally {
      findButton.disabled = false;
    }
  });
  joinButton.addEventListener('click', async () => {
    problem.textContent = '';
    try {
      render(await client.call('classroom.join', { address: address.value.trim(), code: code.value.trim() }));
    } catch (error) {
      problem.textContent = error instanceof ChispaCallError ? errorText(error.error) : String(error);
    }
  });
  leaveButton.addEventListener('click', async () => render(await client.call('classroom.leave', {})));
  names.addEventListener('change', async () => {
    render(await client.call('classroom.pickName', { ref: names.value || null }));
  });
  hint.addEventListener('click', () => (hint.hidden = true));
  client.on('classroom.member', ({ state }) => render(state));
  client.on('classroom.command', ({ command }) => {
    if (command.t !== 'goto') return;
    // On a narrow screen the lesson column starts folded: the child must see where the class went.
    revealLessonColumn(frame.regions.lesson);
    void shared.lessonNavigator?.openAt(command.lessonId, command.step);
  });
  applyTranslations(dialog);
  render(await client.call('classroom.memberState', {}));
};
