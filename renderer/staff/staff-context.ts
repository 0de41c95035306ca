import type { CallArgs, CallName, CallResult } from '../../common/ipc/contract';
import type { StaffRoleName, StaffStatus } from '../../common/ipc/contract-staff';
import { ChispaCallError, type ChispaClient } from '../ipc/client';

/**
 * What every staff view gets: the role of this connection and a call() that notices when main
 * has locked the staff area (idle timeout) and sends the UI back to the PIN screen.
 */
export interface StaffContext {
  role: StaffRoleName;
  status: StaffStatus;
  client: ChispaClient;
  call<K extends CallName>(name: K, args: CallArgs<K>): Promise<CallResult<K>>;
  /** Views tell each other about changes (a walk-in added, a session created). */
  notify(change: StaffChange): void;
  onChange(listener: (change: StaffChange) => void): void;
}

export type StaffChange = 'people' | 'sessions' | 'attendance' | 'audit';

export const createStaffContext = (options: {
  client: ChispaClient;
  role: StaffRoleName;
  status: StaffStatus;
  onLocked: () => void;
  /** Told about every call (each one keeps main's staff session alive). */
  onCall?: () => void;
}): StaffContext => {
  const listeners = new Set<(change: StaffChange) => void>();
  return {
    role: options.role,
    status: options.status,
    client: options.client,
    async call(name, args) {
      options.onCall?.();
      try {
        return await options.client.call(name, args);
      } catch (error) {
        if (error instanceof ChispaCallError && error.error.code === 'staff-locked') options.onLocked();
        throw error;
      } finally {
        options.onCall?.();
      }
    },
    notify(change) {
      for (const listener of listeners) listener(change);
    },
    onChange(listener) {
      listeners.add(listener);
    },
  };
};
