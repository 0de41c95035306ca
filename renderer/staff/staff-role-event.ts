import type { StaffRoleName } from '../../common/ipc/contract-staff';

/**
 * The staff area tells the rest of the page when this connection's staff role changes (unlocked,
 * locked, lapsed after idle), so the lesson panel can show or drop the instructor notes.
 */
const eventName = 'chispa:staff-role';
let lastRole: StaffRoleName | null = null;

/** The role last announced on this page (null until the staff area unlocks). */
export const currentStaffRole = (): StaffRoleName | null => lastRole;

export const announceStaffRole = (role: StaffRoleName | null): void => {
  lastRole = role;
  window.dispatchEvent(new CustomEvent<StaffRoleName | null>(eventName, { detail: role }));
};

export const onStaffRoleChange = (listener: (role: StaffRoleName | null) => void): (() => void) => {
  const handle = (event: Event) => listener((event as CustomEvent<StaffRoleName | null>).detail);
  window.addEventListener(eventName, handle);
  return () => window.removeEventListener(eventName, handle);
};
