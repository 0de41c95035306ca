/**
 * Encoders for the STK500v1 commands the uploader sends. Each returns the bytes to write and how
 * many data bytes the answer carries between INSYNC and OK.
 */
import { Stk } from './constants';

export interface Stk500Command {
  /** Short name for logs and errors. */
  name: string;
  bytes: Uint8Array;
  /** Data bytes between INSYNC and OK in the answer. */
  responseDataLength: number;
}

const command = (name: string, bytes: number[], responseDataLength = 0): Stk500Command => ({
  name,
  bytes: Uint8Array.from([...bytes, Stk.CRC_EOP]),
  responseDataLength,
});

const checkLength = (length: number): void => {
  if (!Number.isInteger(length) || length < 1 || length > 256)
    throw new RangeError(`page length ${length} out of 1..256`);
};

export const getSync = (): Stk500Command => command('GET_SYNC', [Stk.GET_SYNC]);

export const readSignature = (): Stk500Command => command('READ_SIGN', [Stk.READ_SIGN], 3);

export const enterProgMode = (): Stk500Command => command('ENTER_PROGMODE', [Stk.ENTER_PROGMODE]);

export const leaveProgMode = (): Stk500Command => command('LEAVE_PROGMODE', [Stk.LEAVE_PROGMODE]);

/** The address is a byte address; STK500v1 flash addresses are in 16-bit words, little-endian. */
export const loadAddress = (byteAddress: number): Stk500Command => {
  if (!Number.isInteger(byteAddress) || byteAddress < 0 || byteAddress >= 0x20000 || byteAddress % 2 !== 0) {
    throw new RangeError(`flash address ${byteAddress} must be even and below 128 KiB`);
  }
  const word = byteAddress >> 1;
  return command('LOAD_ADDRESS', [Stk.LOAD_ADDRESS, word & 0xff, (word >> 8) & 0xff]);
};

/** Writes one flash page at the last loaded address. Length is big-endian. */
export const progPage = (data: Uint8Array): Stk500Command => {
  checkLength(data.length);
  return command('PROG_PAGE', [
    Stk.PROG_PAGE,
    (data.length >> 8) & 0xff,
    data.length & 0xff,
    Stk.MEMTYPE_FLASH,
    ...data,
  ]);
};

/** Reads flash from the last loaded address. */
export const readPage = (length: number): Stk500Command => {
  checkLength(length);
  return command(
    'READ_PAGE',
    [Stk.READ_PAGE, (length >> 8) & 0xff, length & 0xff, Stk.MEMTYPE_FLASH],
    length,
  );
};
