import type { StaffRoleName, StaffStatus } from '../../common/ipc/contract-staff';
import { ChispaCallError, type ChispaClient } from '../ipc/client';
import { h, label } from '../ui/dom';
import { buildSetupScreen, buildUnlockScreen } from './pin-gate';
import { createStaffContext } from './staff-context';
import { buildStaffShell } from './staff-shell';
import { createStatusLine } from './status-line';
import { buildStorageScreen } from './storage-screen';
import { idleCheckMs, idleStep } from './idle-watch';
import { announceStaffRole } from './staff-role-event';

/**
 * The staff region's content: first-run setup, PIN screen, damaged-database screen, or the
 * unlocked shell. When main locks after idle the PIN screen covers the shell without discarding
 * it, so a form being typed is still there after the same role unlocks again.
 */
export const createStaffArea = (client: ChispaClient, onExit: () => void) => {
  const gate = h('div', { class: 'staff-gate-holder', id: 'staff-gate' });
  const shellHolder = h('div', { class: 'staff-shell-holder' });
  const status = createStatusLine('staff-area-status');
  const element = h('div', { class: 'staff-area' }, gate, shellHolder, status.element);
  let shellRole: StaffRoleName | null = null;
  let idleTimer: ReturnType<typeof setInterval> | undefined;
  let lastActivity = Date.now();
  /** Last time this page called main: main's idle clock restarts on every call. */
  let lastCall = Date.now();
  let idleLockMs = 5 * 60_000;

  const markActivity = () => {
    lastActivity = Date.now();
  };
  element.addEventListener('keydown', markActivity);
  element.addEventListener('pointerdown', markActivity);

  const stopIdleWatch = () => clearInterval(idleTimer);
  const startIdleWatch = () => {
    stopIdleWatch();
    lastActivity = lastCall = Date.now();
    idleTimer = setInterval(async () => {
      const step = idleStep({ now: Date.now(), lastActivity, lastCall, idleLockMs });
      if (step === 'wait') return;
      try {
        lastCall = Date.now();
        const current = await client.call('staff.status', {});
        if (!current.role) showGate(current, 'staff.ui.unlock.idle');
      } catch {
        // Connection trouble is shown in the footer; try again on the next tick.
      }
    }, idleCheckMs(idleLockMs));
  };

  const showShell = (role: StaffRoleName, staffStatus: StaffStatus) => {
    gate.replaceChildren();
    gate.hidden = true;
    shellHolder.hidden = false;
    if (shellRole !== role) {
      shellRole = role;
      const ctx = createStaffContext({
        client,
        role,
        status: { ...staffStatus, role },
        onLocked: () => void refresh('staff.ui.unlock.idle'),
        onCall: () => {
          lastCall = Date.now();
        },
      });
      const shell = buildStaffShell(ctx, () => void lockAndExit());
      shellHolder.replaceChildren(shell.element);
      shell.start();
    }
    idleLockMs = staffStatus.idleLockMs;
    startIdleWatch();
    announceStaffRole(role);
  };

  const unlocked = async (role: StaffRoleName) => {
    try {
      showShell(role, await client.call('staff.status', {}));
    } catch (error) {
      status.error(error);
    }
  };

  function showGate(staffStatus: StaffStatus, noticeKey?: string) {
    stopIdleWatch();
    announceStaffRole(null);
    shellHolder.hidden = true;
    gate.hidden = false;
    const screen = !staffStatus.setUp
      ? buildSetupScreen({ client, status: staffStatus, onUnlocked: unlocked })
      : buildUnlockScreen({ client, status: staffStatus, onUnlocked: unlocked, noticeKey });
    gate.replaceChildren(screen);
    screen.querySelector<HTMLInputElement>('input')?.focus();
  }

  const showStorage = async () => {
    stopIdleWatch();
    announceStaffRole(null);
    shellHolder.hidden = true;
    gate.hidden = false;
    try {
      const storage = await client.call('storage.status', {});
      gate.replaceChildren(
        buildStorageScreen({
          client,
          storage,
          onRestored: async (after) => {
            await refresh();
            if (after.corruptFileKeptAs)
              status.ok('staff.ui.storage.restored', { path: after.corruptFileKeptAs });
          },
        }),
      );
    } catch (error) {
      gate.replaceChildren(label('p', 'staff.ui.storage.title'));
      status.error(error);
    }
  };

  /** Asks main where this connection stands and shows the matching screen. */
  async function refresh(noticeKey?: string) {
    status.clear();
    try {
      const current = await client.call('staff.status', {});
      if (current.storage !== 'ok') await showStorage();
      else if (current.role) showShell(current.role, current);
      else showGate(current, noticeKey);
    } catch (error) {
      if (error instanceof ChispaCallError && error.error.code.startsWith('db.')) await showStorage();
      else status.error(error);
    }
  }

  /** Leaving the staff area always locks it: the default screen is the student's. */
  async function lockAndExit() {
    stopIdleWatch();
    try {
      await client.call('staff.lock', {});
    } catch {
      // Locking is also done by main after idle; leaving must never be blocked.
    }
    shellRole = null;
    shellHolder.replaceChildren();
    gate.replaceChildren();
    announceStaffRole(null);
    onExit();
  }

  return { element, open: () => refresh(), lockAndExit };
};
