import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messages } from '../../../common/i18n/messages';
import type { IpcResult } from '../../../common/ipc/app-error';
import type { DataLayout } from '../../../main/app/data-dir';
import type { AppServices } from '../../../main/app/services';
import type { AttendanceService } from '../../../main/attendance/attendance-service';
import { createConnectionSession, type ConnectionSession } from '../../../main/ipc/connection-session';
import { createDispatcher, type CallHandlers, type Dispatcher } from '../../../main/ipc/dispatcher';
import { createAttendanceHandlers } from '../../../main/ipc/handlers-attendance';
import { createStaffHandlers } from '../../../main/ipc/handlers-staff';
import { openService, quietLogger, removeLayout, tempLayout } from './helpers';

/** The real dispatcher (access check, zod validation, error mapping) over the real staff/attendance handlers. */
const dispatcherFor = (attendance: AttendanceService): Dispatcher => {
  const services = { attendance } as unknown as AppServices;
  const handlers = {
    ...createStaffHandlers(services),
    ...createAttendanceHandlers(services),
  } as unknown as CallHandlers;
  return createDispatcher(handlers, quietLogger());
};

const errorOf = (result: IpcResult<unknown>) => {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  expect(messages.es[result.error.messageKey], result.error.messageKey).toBeTruthy();
  expect(messages.en[result.error.messageKey], result.error.messageKey).toBeTruthy();
  return result.error;
};
const valueOf = <T>(result: IpcResult<unknown>): T => {
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.error)}`);
  return result.value as T;
};

describe('staff PIN through the dispatcher', () => {
  let layout: DataLayout;
  let service: AttendanceService;
  let dispatcher: Dispatcher;
  const call = (session: ConnectionSession, name: string, args: unknown = {}) =>
    dispatcher.dispatch(name, args, { session });

  beforeEach(async () => {
    layout = tempLayout();
    service = await openService(layout);
    dispatcher = dispatcherFor(service);
  });
  afterEach(async () => {
    await service.close();
    removeLayout(layout);
  });

  it('refuses staff and admin calls without a PIN, and opens them after first-run setup', async () => {
    const tab = createConnectionSession('tab-1');
    for (const name of [
      'people.search',
      'checkin.mark',
      'sessions.create',
      'exports.attendance',
      'roster.import',
      'audit.list',
    ]) {
      expect(errorOf(await call(tab, name, {})).code).toBe('staff-locked');
    }
    expect(valueOf(await call(tab, 'staff.status'))).toMatchObject({
      setUp: false,
      role: null,
      storage: 'ok',
    });
    expect(errorOf(await call(tab, 'staff.unlock', { pin: '1234' })).code).toBe('staff.not-set-up');
    expect(errorOf(await call(tab, 'staff.setup', { pin: '12' })).code).toBe('bad-request');
    expect(valueOf(await call(tab, 'staff.setup', { pin: '2468', centre: 'centro-sur' }))).toMatchObject({
      role: 'admin',
    });
    expect(errorOf(await call(tab, 'staff.setup', { pin: '1357' })).code).toBe('staff.already-set-up');
    expect(valueOf(await call(tab, 'staff.status'))).toMatchObject({
      setUp: true,
      role: 'admin',
      centre: 'centro-sur',
    });
    const person = valueOf<{ id: string; centre: string }>(
      await call(tab, 'people.create', { displayName: 'Ana', type: 'teacher' }),
    );
    expect(person.centre).toBe('centro-sur');
    expect(valueOf(await call(tab, 'staff.lock'))).toEqual({ locked: true });
    expect(errorOf(await call(tab, 'people.get', { id: person.id })).code).toBe('staff-locked');
    // Another tab never inherits the unlock.
    expect(errorOf(await call(createConnectionSession('tab-2'), 'people.get', { id: person.id })).code).toBe(
      'staff-locked',
    );
  });

  it('lets the PIN decide the role: instructors cannot export or import', async () => {
    const adminTab = createConnectionSession('admin-tab');
    valueOf(await call(adminTab, 'staff.setup', { pin: '2468' }));
    expect(errorOf(await call(adminTab, 'staff.setPin', { role: 'instructor', pin: '2468' })).code).toBe(
      'staff.pin-in-use',
    );
    valueOf(await call(adminTab, 'staff.setPin', { role: 'instructor', pin: '1111' }));
    const tab = createConnectionSession('instructor-tab');
    expect(valueOf(await call(tab, 'staff.unlock', { pin: '1111' }))).toEqual({ role: 'instructor' });
    const session = valueOf<{ id: string }>(
      await call(tab, 'sessions.create', {
        date: '2026-11-20',
        startTime: '15:00',
        activityType: 'coding-class',
        facilitator: 'Ana',
      }),
    );
    const walkIn = valueOf<{ checkIn: { present: boolean } }>(
      await call(tab, 'checkin.walkIn', {
        sessionId: session.id,
        person: { displayName: 'Papá Juan', type: 'caregiver' },
      }),
    );
    expect(walkIn.checkIn.present).toBe(true);
    expect(
      errorOf(await call(tab, 'exports.attendance', { format: 'csv', from: '2026-11-01', to: '2026-11-30' }))
        .code,
    ).toBe('forbidden');
    expect(errorOf(await call(tab, 'staff.setPin', { role: 'admin', pin: '0000' })).code).toBe('forbidden');
    const exported = valueOf<{ rowCount: number }>(
      await call(adminTab, 'exports.attendance', { format: 'csv', from: '2026-11-01', to: '2026-11-30' }),
    );
    expect(exported.rowCount).toBe(1);
    expect(
      errorOf(await call(adminTab, 'checkin.mark', { sessionId: session.id, personId: 'nope' })).code,
    ).toBe('bad-request');
  });

  it('rate-limits wrong PINs, even across a restart, and the right PIN waits out the lockout', async () => {
    valueOf(await call(createConnectionSession('setup'), 'staff.setup', { pin: '2468' }));
    const tab = createConnectionSession('guess');
    const left: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const error = errorOf(await call(tab, 'staff.unlock', { pin: `000${i}` }));
      expect(error.code).toBe('staff.pin-wrong');
      left.push(Number(error.params?.attemptsLeft));
    }
    expect(left).toEqual([4, 3, 2, 1]);
    const locked = errorOf(await call(tab, 'staff.unlock', { pin: '0009' }));
    expect(locked.code).toBe('staff.pin-locked-out');
    expect(Number(locked.params?.retryInSeconds)).toBeGreaterThan(20);
    expect(errorOf(await call(tab, 'staff.unlock', { pin: '2468' })).code).toBe('staff.pin-locked-out');
    await service.close();
    service = await openService(layout);
    dispatcher = dispatcherFor(service);
    expect(errorOf(await call(tab, 'staff.unlock', { pin: '2468' })).code).toBe('staff.pin-locked-out');
    expect(
      valueOf<{ lockedOutSeconds: number }>(await call(tab, 'staff.status')).lockedOutSeconds,
    ).toBeGreaterThan(0);
    expect(tab.staffRole()).toBeNull();
  });

  it('locks the staff area after idle time', async () => {
    let clock = 1_000_000;
    const tab = createConnectionSession('idle', { idleMs: 60_000, now: () => clock });
    valueOf(await call(tab, 'staff.setup', { pin: '2468' }));
    clock += 30_000;
    valueOf(await call(tab, 'people.search', { query: '' }));
    clock += 59_000;
    valueOf(await call(tab, 'people.search', { query: '' }));
    clock += 61_000;
    expect(errorOf(await call(tab, 'people.search', { query: '' })).code).toBe('staff-locked');
  });

  it('is kept awake only by staff calls: student calls from the same tab (a running program) are not activity', async () => {
    let clock = 1_000_000;
    const tab = createConnectionSession('idle-student', { idleMs: 60_000, now: () => clock });
    valueOf(await call(tab, 'staff.setup', { pin: '2468' }));
    for (let step = 0; step < 4; step++) {
      clock += 20_000;
      valueOf(await call(tab, 'staff.status'));
      valueOf(await call(tab, 'storage.status'));
    }
    expect(tab.staffRole()).toBeNull();
    expect(errorOf(await call(tab, 'people.search', { query: '' })).code).toBe('staff-locked');
  });
});
