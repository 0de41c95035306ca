/**
 * Per-connection state (one Electron window or one browser tab). Holds the staff role once
 * the PIN has been entered; the role lapses after idle so a lab PC left open returns to the
 * student screen.
 */
export type StaffRole = 'instructor' | 'admin';

export interface ConnectionSession {
  readonly id: string;
  /** How long an unlocked staff session survives without calls. */
  readonly idleMs: number;
  staffRole(): StaffRole | null;
  unlockStaff(role: StaffRole): void;
  lockStaff(): void;
  /** Marks staff activity (a staff or admin call); keeps an unlocked staff session alive. */
  touch(): void;
}

export const defaultStaffIdleMs = 5 * 60 * 1000;

export const createConnectionSession = (
  id: string,
  options: { idleMs?: number; now?: () => number } = {},
): ConnectionSession => {
  const idleMs = options.idleMs ?? defaultStaffIdleMs;
  const now = options.now ?? Date.now;
  let role: StaffRole | null = null;
  let lastActivity = now();
  return {
    id,
    idleMs,
    staffRole() {
      if (role && now() - lastActivity > idleMs) role = null;
      return role;
    },
    unlockStaff(newRole) {
      role = newRole;
      lastActivity = now();
    },
    lockStaff() {
      role = null;
    },
    touch() {
      if (role && now() - lastActivity > idleMs) role = null;
      lastActivity = now();
    },
  };
};
