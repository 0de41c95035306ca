import type { StaffRole } from '../ipc/connection-session';

/** Who did something: the staff role of the connection and the connection id (no personal accounts). */
export interface Actor {
  role: StaffRole;
  connectionId: string;
}
