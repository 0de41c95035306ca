/**
 * STK500 version 1 protocol bytes, the subset Arduino bootloaders (optiboot, ATmegaBOOT) speak.
 * Every command ends with CRC_EOP; every answer is INSYNC, optional data, then OK.
 */
export const Stk = {
  OK: 0x10,
  FAILED: 0x11,
  UNKNOWN: 0x12,
  NODEVICE: 0x13,
  INSYNC: 0x14,
  NOSYNC: 0x15,
  CRC_EOP: 0x20,
  GET_SYNC: 0x30,
  GET_PARAMETER: 0x41,
  SET_DEVICE: 0x42,
  ENTER_PROGMODE: 0x50,
  LEAVE_PROGMODE: 0x51,
  LOAD_ADDRESS: 0x55,
  UNIVERSAL: 0x56,
  PROG_PAGE: 0x64,
  READ_PAGE: 0x74,
  READ_SIGN: 0x75,
  /** Memory type byte for flash in PROG_PAGE / READ_PAGE. */
  MEMTYPE_FLASH: 0x46,
} as const;

/** ATmega328P, the Uno's and Nano's chip; our firmware is built for nothing else. */
export const ATMEGA328P_SIGNATURE = [0x1e, 0x95, 0x0f] as const;
/** Flash page size of the ATmega328P, bytes. */
export const ATMEGA328P_PAGE_SIZE = 128;
/** Application flash below a 512-byte bootloader (optiboot) at 0x7E00. */
export const ATMEGA328P_APP_BYTES = 0x7e00;
