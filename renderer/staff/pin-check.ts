import { staffPinSchema } from '../../common/ipc/contract-staff';
import type { StatusLine } from './status-line';

/** The PIN rule is the contract's (4–8 digits), checked here before any call. */
export const isValidPin = (value: string): boolean => staffPinSchema.safeParse(value).success;

/**
 * A new PIN typed twice: says what is wrong on the status line and focuses the field to fix,
 * or returns true when it can be sent.
 */
export const checkNewPin = (pin: HTMLInputElement, again: HTMLInputElement, status: StatusLine): boolean => {
  if (!isValidPin(pin.value)) {
    status.invalid('staff.ui.pin.rule');
    pin.focus();
    return false;
  }
  if (pin.value !== again.value) {
    status.invalid('staff.ui.setup.mismatch');
    again.focus();
    return false;
  }
  return true;
};
