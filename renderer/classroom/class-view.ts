import { formatCode } from '../../common/classroom/protocol';
import type { ClassroomPc, ClassroomView } from '../../common/ipc/contract-classroom';
import { t } from '../i18n/i18n';
import { h, label } from '../ui/dom';
import { button, field, textInput } from '../staff/form-fields';
import type { StaffContext } from '../staff/staff-context';
import { createStatusLine } from '../staff/status-line';
import { translateTree } from '../staff/staff-text';

const pcLine = (pc: ClassroomPc): string => {
  const s = pc.status;
  const where =
    s?.lessonId && s.step !== null
      ? t('classroom.grid.position', { lesson: s.lessonId, step: s.step + 1, of: s.stepCount ?? '?' })
      : t('classroom.grid.no-lesson');
  const check = s?.lastCheck
    ? t(s.lastCheck.passed ? 'classroom.grid.check-ok' : 'classroom.grid.check-fail', {
        tries: s.lastCheck.tries,
      })
    : t('classroom.grid.no-check');
  const board = s ? t(`classroom.grid.board.${s.board.kind}${s.board.connected ? '' : '-off'}`) : '';
  return [where, check, board].filter(Boolean).join(' · ');
};

/**
 * The staff area's Class tab: open the class on one of this PC's networks, show address and code
 * for the projector, admit PCs, watch the grid, send everyone to a step, lock screens, hint one
 * PC, check in the children who joined, close the class.
 */
export const createClassView = (ctx: StaffContext, sessionOf: () => string | null) => {
  const status = createStatusLine('class-status');
  const addressSelect = h('select', { id: 'class-address' });
  const classLabel = textInput({ id: 'class-label', maxlength: 40 });
  const openButton = button('classroom.class.open', { class: 'primary', id: 'class-open' });
  const projector = h('div', { class: 'class-projector', id: 'class-projector', hidden: true });
  const pending = h('ul', { class: 'class-pending', id: 'class-pending' });
  const grid = h('ul', { class: 'class-grid', id: 'class-grid' });
  const suggestions = h('ul', { class: 'class-suggestions', id: 'class-suggestions' });
  const lessonInput = textInput({ id: 'class-goto-lesson', maxlength: 64 });
  const stepInput = h('input', { type: 'number', min: '1', max: '200', value: '1', id: 'class-goto-step' });
  const controls = h(
    'div',
    { class: 'class-controls', id: 'class-controls', hidden: true },
    field('classroom.class.lesson', lessonInput),
    field('classroom.class.step', stepInput),
    button('classroom.class.goto', { class: 'secondary', id: 'class-goto', onclick: () => void gotoStep() }),
    button('classroom.class.lock', { class: 'primary', id: 'class-lock', onclick: () => void lock(true) }),
    button('classroom.class.unlock', {
      class: 'secondary',
      id: 'class-unlock',
      onclick: () => void lock(false),
    }),
    button('classroom.class.close', {
      class: 'secondary',
      id: 'class-close',
      onclick: () => void closeClass(),
    }),
  );
  let view: ClassroomView | null = null;

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (error) {
      status.error(error);
    }
  };
  const render = (next: ClassroomView) => {
    view = next;
    projector.hidden = !next.open;
    controls.hidden = !next.open;
    openButton.hidden = next.open;
    element.dataset.open = String(next.open);
    if (next.open) {
      projector.replaceChildren(
        h('p', {}, t('classroom.class.projector')),
        h('p', { class: 'class-address', id: 'class-address-shown' }, `${next.address}:${next.port}`),
        h('p', { class: 'class-code', id: 'class-code' }, formatCode(next.code)),
      );
    }
    pending.replaceChildren(
      ...next.pending.map((pc) =>
        h(
          'li',
          { 'data-pc': pc.pcId },
          h('span', {}, t('classroom.class.waiting', { pc: pc.pcName })),
          button('classroom.class.admit', {
            class: 'primary',
            'data-admit': pc.pcName,
            onclick: () => void run(() => ctx.call('classroom.admit', { pcId: pc.pcId })),
          }),
        ),
      ),
    );
    grid.replaceChildren(
      ...next.pcs.map((pc) => {
        const hint = textInput({
          maxlength: 300,
          'aria-label': t('classroom.class.hint-label', { pc: pc.displayName }),
        });
        return h(
          'li',
          {
            class: `class-pc${pc.connected ? '' : ' offline'}`,
            'data-pc': pc.pcName,
            'data-step': String(pc.status?.step ?? ''),
            'data-passed': String(pc.status?.lastCheck?.passed ?? ''),
          },
          h('strong', { class: 'class-pc-name' }, pc.displayName),
          pc.namePicked ? h('small', {}, ` (${pc.pcName})`) : '',
          h('p', { class: 'class-pc-line' }, pc.connected ? pcLine(pc) : t('classroom.grid.offline')),
          h(
            'div',
            { class: 'class-hint' },
            hint,
            button('classroom.class.hint', {
              class: 'secondary',
              onclick: () =>
                void run(async () => {
                  if (!hint.value.trim()) return;
                  await ctx.call('classroom.hint', { pcId: pc.pcId, text: hint.value.trim() });
                  hint.value = '';
                  status.ok('classroom.class.hint-sent', { pc: pc.displayName });
                }),
            }),
          ),
        );
      }),
    );
    suggestions.replaceChildren(
      ...next.suggestions.map((s) =>
        h(
          'li',
          { 'data-person': s.displayName },
          h('span', {}, t('classroom.class.suggested', { name: s.displayName, pc: s.pcName })),
          button('classroom.class.checkin', {
            class: 'primary',
            onclick: () =>
              void run(async () => {
                if (!next.sessionId) return;
                await ctx.call('checkin.mark', { sessionId: next.sessionId, personId: s.personId });
                ctx.notify('attendance');
                render(await ctx.call('classroom.view', {}));
              }),
          }),
        ),
      ),
    );
    translateTree(element);
  };

  const show = async () => {
    await run(async () => {
      const { interfaces } = await ctx.call('classroom.interfaces', {});
      const selected = addressSelect.value;
      addressSelect.replaceChildren(
        ...interfaces.map((i) =>
          h(
            'option',
            { value: i.address },
            `${i.address} (${i.internal ? t('classroom.class.this-pc-only') : i.name})`,
          ),
        ),
      );
      const external = interfaces.find((i) => !i.internal);
      addressSelect.value = selected || external?.address || interfaces[0]?.address || '';
      render(await ctx.call('classroom.view', {}));
    });
  };
  openButton.addEventListener(
    'click',
    () =>
      void run(async () =>
        render(
          await ctx.call('classroom.open', {
            address: addressSelect.value,
            sessionId: sessionOf(),
            label: classLabel.value.trim(),
          }),
        ),
      ),
  );
  const gotoStep = () =>
    run(async () => {
      const { sent } = await ctx.call('classroom.sendToStep', {
        lessonId: lessonInput.value.trim(),
        step: Math.max(0, Number(stepInput.value) - 1),
      });
      status.ok('classroom.class.sent', { count: sent });
    });
  const lock = (locked: boolean) =>
    run(async () => {
      const { sent } = await ctx.call('classroom.lock', { locked });
      status.ok(locked ? 'classroom.class.locked' : 'classroom.class.unlocked', { count: sent });
    });
  const closeClass = () => run(async () => render(await ctx.call('classroom.close', {})));
  ctx.client.on('classroom.changed', ({ view: next }) => render(next));

  const element = h(
    'div',
    { class: 'staff-view class-view', id: 'class-view' },
    h(
      'div',
      { class: 'class-top' },
      field('classroom.class.network', addressSelect, 'classroom.class.network-hint'),
      field('classroom.class.label', classLabel, 'classroom.class.label-hint'),
      openButton,
    ),
    projector,
    status.element,
    label('h3', 'classroom.class.pending-title'),
    pending,
    label('h3', 'classroom.class.grid-title'),
    grid,
    label('h3', 'classroom.class.suggestions-title'),
    suggestions,
    controls,
  );
  translateTree(element);
  return {
    element,
    show,
    /** After "Empezar la clase de hoy": the class lessons default to the session's first lesson. */
    preset(lessonId: string | null) {
      if (lessonId) lessonInput.value = lessonId;
    },
    current: () => view,
  };
};
