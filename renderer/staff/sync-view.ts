import type { SyncStatus } from '../../common/ipc/contract-sync';
import { getLocale } from '../i18n/i18n';
import { h, label } from '../ui/dom';
import { base64ToBytes, downloadBytes } from '../ui/download-file';
import { field, textInput } from './form-fields';
import { shortDateTime } from './local-dates';
import type { StaffContext } from './staff-context';
import { createStatusLine } from './status-line';
import { createSyncProblems } from './sync-problems';
import { setErrorText, setText, translateTree, whileConnected } from './staff-text';

const pollMs = 1_000;

/**
 * Sync tab (admins): the honest state of the sync (last success, what is pending, why the last
 * try failed, in plain words), "Sync now", enrolment with the tracker, and the USB file.
 */
export const createSyncView = (ctx: StaffContext) => {
  const stateLine = h('p', { id: 'sync-state', class: 'sync-state', role: 'status', 'aria-live': 'polite' });
  const lastError = h('p', { id: 'sync-last-error', class: 'error-text', hidden: true });
  const clock = h('p', { id: 'sync-clock', class: 'error-text', hidden: true });
  const details = h('ul', { id: 'sync-details', class: 'sync-details' });
  const enrolmentInfo = h('p', { id: 'sync-enrolment' });
  const credentialInfo = h('p', { id: 'sync-credential', class: 'hint' });
  const actionStatus = createStatusLine('sync-action-status');
  const syncNow = label('button', 'sync.ui.sync-now', { type: 'button', id: 'sync-now' });
  const problems = createSyncProblems(ctx);
  let current: SyncStatus | null = null;
  let poll: ReturnType<typeof setTimeout> | undefined;

  const item = (key: string, params?: Record<string, string | number>, id?: string) => {
    const li = h('li', { id });
    setText(li, key, params);
    return li;
  };
  const when = (iso: string) => shortDateTime(iso, getLocale());

  const render = (status: SyncStatus) => {
    current = status;
    stateLine.dataset.state = status.state;
    setText(stateLine, `sync.ui.state.${status.state}`);
    lastError.hidden = !status.lastError || status.state === 'running';
    if (status.lastError) setErrorText(lastError, status.lastError);
    clock.hidden = !status.clockSuspect;
    if (status.clockSuspect && status.clockSkewMs !== null) {
      setText(clock, 'sync.ui.clock', { minutes: Math.round(Math.abs(status.clockSkewMs) / 60_000) });
    }
    const { counts } = status;
    const lines = [
      status.lastSuccessAt
        ? item('sync.ui.last-success', { when: when(status.lastSuccessAt) }, 'sync-last-success')
        : item('sync.ui.last-success-never', undefined, 'sync-last-success'),
      item('sync.ui.pending', { count: counts.pending }, 'sync-pending'),
      item('sync.ui.sent', { count: counts.sent }, 'sync-sent'),
      item('sync.ui.withheld', { count: counts.withheld }, 'sync-withheld'),
      item('sync.ui.problems-count', { count: counts.conflict + counts.invalid }, 'sync-problem-count'),
      status.nextAttemptAt && status.state === 'failing'
        ? item('sync.ui.next-attempt', { when: when(status.nextAttemptAt) }, 'sync-next')
        : null,
    ];
    details.replaceChildren(...lines.filter((line) => line !== null));
    const enrolment = status.enrolment;
    enrolmentInfo.hidden = credentialInfo.hidden = !enrolment;
    if (enrolment) {
      setText(enrolmentInfo, 'sync.ui.enrolled', { centre: enrolment.centre, country: enrolment.country });
      enrolmentInfo.title = enrolment.tracker;
      setText(credentialInfo, `sync.ui.credential.${enrolment.credential}`);
    }
    syncNow.disabled =
      status.state === 'not-enrolled' || status.state === 'revoked' || status.state === 'running';
    bundleButton.disabled = !enrolment;
    // Progress while a round runs; otherwise main says when something changes (sync.changed), so
    // an idle tab makes no calls and the staff area still locks itself after idle.
    clearTimeout(poll);
    if (status.state === 'running' && element.isConnected) poll = setTimeout(() => void refresh(), pollMs);
  };

  async function refresh() {
    try {
      const before = current?.state;
      render(await ctx.call('sync.status', {}));
      if (before === 'running' && current?.state !== 'running') await problems.load();
    } catch (error) {
      actionStatus.error(error);
    }
  }

  syncNow.addEventListener('click', async () => {
    actionStatus.clear();
    syncNow.disabled = true;
    try {
      render(await ctx.call('sync.now', {}));
      actionStatus.ok('sync.ui.started');
    } catch (error) {
      actionStatus.error(error);
      await refresh();
    }
  });

  const address = textInput({ id: 'sync-address', inputmode: 'url', maxlength: 300, spellcheck: 'false' });
  const code = textInput({ id: 'sync-code', maxlength: 64, spellcheck: 'false' });
  const enrolStatus = createStatusLine('sync-enrol-status');
  const enrolButton = label('button', 'sync.ui.enrol', { type: 'submit', id: 'sync-enrol' });
  const enrolForm = h(
    'form',
    { class: 'staff-card', id: 'sync-enrol-form', novalidate: true, 'aria-labelledby': 'sync-enrol-title' },
    label('h3', 'sync.ui.enrol-title', { id: 'sync-enrol-title' }),
    field('sync.ui.address', address, 'sync.ui.address-hint'),
    field('sync.ui.code', code, 'sync.ui.code-hint'),
    enrolButton,
    enrolStatus.element,
  );
  enrolForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!address.value.trim()) {
      enrolStatus.invalid('sync.ui.address-required');
      address.focus();
      return;
    }
    if (!code.value.trim()) {
      enrolStatus.invalid('sync.ui.code-required');
      code.focus();
      return;
    }
    enrolButton.disabled = true;
    try {
      render(await ctx.call('sync.enrol', { address: address.value, code: code.value }));
      code.value = '';
      enrolStatus.ok('sync.ui.enrol-done');
    } catch (error) {
      enrolStatus.error(error);
    } finally {
      enrolButton.disabled = false;
    }
  });

  const bundleStatus = createStatusLine('sync-bundle-status');
  const bundleButton = label('button', 'sync.ui.bundle-export', {
    type: 'button',
    class: 'secondary',
    id: 'sync-bundle',
  });
  bundleButton.addEventListener('click', async () => {
    bundleButton.disabled = true;
    try {
      const result = await ctx.call('sync.exportBundle', {});
      if (result.contentBase64) {
        downloadBytes(base64ToBytes(result.contentBase64), result.fileName, 'application/json');
      }
      bundleStatus.ok('sync.ui.bundle-done', { count: result.itemCount, file: result.filePath });
      ctx.notify('audit');
    } catch (error) {
      bundleStatus.error(error);
    } finally {
      bundleButton.disabled = !current?.enrolment;
    }
  });
  const bundle = h(
    'section',
    { class: 'staff-card', 'aria-labelledby': 'sync-bundle-title' },
    label('h3', 'sync.ui.bundle-title', { id: 'sync-bundle-title' }),
    label('p', 'sync.ui.bundle-hint', { class: 'hint' }),
    bundleButton,
    bundleStatus.element,
  );

  const statusCard = h(
    'section',
    { class: 'staff-card', id: 'sync-status-card', 'aria-labelledby': 'sync-title' },
    label('h3', 'sync.ui.title', { id: 'sync-title' }),
    label('p', 'sync.ui.intro', { class: 'hint' }),
    stateLine,
    lastError,
    clock,
    details,
    enrolmentInfo,
    credentialInfo,
    h('div', { class: 'actions' }, syncNow),
    actionStatus.element,
  );
  const element = h(
    'div',
    { class: 'staff-view sync-view' },
    statusCard,
    problems.element,
    enrolForm,
    bundle,
  );
  translateTree(element);
  // Dates are formatted for the language: draw the status again on a switch.
  whileConnected(element, () => current && render(current));
  const stopListening = ctx.client.on('sync.changed', () => {
    if (!element.isConnected) stopListening();
    else if (element.offsetParent !== null) void refresh();
  });
  return {
    element,
    show: async () => {
      await refresh();
      await problems.load();
    },
  };
};
