/**
 * Recognises boards from the USB VID:PID a serial port reports (pure table, no I/O).
 * Clone boards do not identify themselves: a CH340 or CP210x only tells us the USB-serial chip,
 * so the name says "compatible" and the bootloader speed is a guess tried in order.
 */

/** Which chip is behind the port, as far as USB tells us. */
export type BoardChipGuess = 'atmega328p' | 'other-avr' | 'not-avr' | 'unknown';

export interface UsbBoardEntry {
  vendorId: string;
  /** Omitted: any product of this vendor. */
  productId?: string;
  /** Locale key of the friendly name (common/i18n/<lang>/troubleshooting.json). */
  labelKey: string;
  /** English name for logs. */
  name: string;
  chip: BoardChipGuess;
  /** Bootloader baud rates to try, most likely first (STK500v1). Empty: not flashable by us. */
  bootloaderBauds: readonly number[];
  /** Windows and macOS need a vendor driver for this USB-serial chip (guide section). */
  driverAnchor?: string;
}

const UNO_BAUDS = [115200, 57600] as const;
/** Original FTDI Nanos shipped with the old ATmegaBOOT at 57600. */
const NANO_FIRST_BAUDS = [57600, 115200] as const;

export const usbBoardTable: readonly UsbBoardEntry[] = [
  // Arduino LLC / Arduino SA (2341) and Arduino Srl (2a03).
  {
    vendorId: '2341',
    productId: '0043',
    labelKey: 'serial.port.kind.uno',
    name: 'Arduino Uno',
    chip: 'atmega328p',
    bootloaderBauds: UNO_BAUDS,
  },
  {
    vendorId: '2341',
    productId: '0001',
    labelKey: 'serial.port.kind.uno',
    name: 'Arduino Uno',
    chip: 'atmega328p',
    bootloaderBauds: UNO_BAUDS,
  },
  {
    vendorId: '2341',
    productId: '0243',
    labelKey: 'serial.port.kind.uno',
    name: 'Arduino Uno',
    chip: 'atmega328p',
    bootloaderBauds: UNO_BAUDS,
  },
  {
    vendorId: '2a03',
    productId: '0043',
    labelKey: 'serial.port.kind.uno',
    name: 'Arduino Uno',
    chip: 'atmega328p',
    bootloaderBauds: UNO_BAUDS,
  },
  {
    vendorId: '2a03',
    productId: '0001',
    labelKey: 'serial.port.kind.uno',
    name: 'Arduino Uno',
    chip: 'atmega328p',
    bootloaderBauds: UNO_BAUDS,
  },
  {
    vendorId: '2341',
    productId: '0042',
    labelKey: 'serial.port.kind.mega',
    name: 'Arduino Mega 2560',
    chip: 'other-avr',
    bootloaderBauds: [],
  },
  {
    vendorId: '2341',
    productId: '0010',
    labelKey: 'serial.port.kind.mega',
    name: 'Arduino Mega 2560',
    chip: 'other-avr',
    bootloaderBauds: [],
  },
  {
    vendorId: '2341',
    productId: '0242',
    labelKey: 'serial.port.kind.mega',
    name: 'Arduino Mega 2560',
    chip: 'other-avr',
    bootloaderBauds: [],
  },
  {
    vendorId: '2a03',
    productId: '0042',
    labelKey: 'serial.port.kind.mega',
    name: 'Arduino Mega 2560',
    chip: 'other-avr',
    bootloaderBauds: [],
  },
  {
    vendorId: '2341',
    productId: '8036',
    labelKey: 'serial.port.kind.leonardo',
    name: 'Arduino Leonardo',
    chip: 'other-avr',
    bootloaderBauds: [],
  },
  {
    vendorId: '2341',
    productId: '0036',
    labelKey: 'serial.port.kind.leonardo',
    name: 'Arduino Leonardo',
    chip: 'other-avr',
    bootloaderBauds: [],
  },
  {
    vendorId: '2a03',
    productId: '8036',
    labelKey: 'serial.port.kind.leonardo',
    name: 'Arduino Leonardo',
    chip: 'other-avr',
    bootloaderBauds: [],
  },
  {
    vendorId: '2341',
    productId: '8037',
    labelKey: 'serial.port.kind.micro',
    name: 'Arduino Micro',
    chip: 'other-avr',
    bootloaderBauds: [],
  },
  {
    vendorId: '2341',
    productId: '0058',
    labelKey: 'serial.port.kind.nano-every',
    name: 'Arduino Nano Every',
    chip: 'other-avr',
    bootloaderBauds: [],
  },
  {
    vendorId: '2341',
    productId: '0069',
    labelKey: 'serial.port.kind.uno-r4',
    name: 'Arduino Uno R4 Minima',
    chip: 'not-avr',
    bootloaderBauds: [],
  },
  {
    vendorId: '2341',
    productId: '1002',
    labelKey: 'serial.port.kind.uno-r4',
    name: 'Arduino Uno R4 WiFi',
    chip: 'not-avr',
    bootloaderBauds: [],
  },
  {
    vendorId: '2341',
    labelKey: 'serial.port.kind.arduino-other',
    name: 'Arduino (other model)',
    chip: 'unknown',
    bootloaderBauds: UNO_BAUDS,
  },
  {
    vendorId: '2a03',
    labelKey: 'serial.port.kind.arduino-other',
    name: 'Arduino (other model)',
    chip: 'unknown',
    bootloaderBauds: UNO_BAUDS,
  },
  // USB-serial chips on clones (Uno and Nano clones, mostly ATmega328P).
  {
    vendorId: '1a86',
    productId: '7523',
    labelKey: 'serial.port.kind.ch340',
    name: 'Uno/Nano compatible (CH340)',
    chip: 'atmega328p',
    bootloaderBauds: UNO_BAUDS,
    driverAnchor: 'ch340-driver',
  },
  {
    vendorId: '1a86',
    productId: '5523',
    labelKey: 'serial.port.kind.ch340',
    name: 'Uno/Nano compatible (CH341)',
    chip: 'atmega328p',
    bootloaderBauds: UNO_BAUDS,
    driverAnchor: 'ch340-driver',
  },
  {
    vendorId: '1a86',
    productId: '55d4',
    labelKey: 'serial.port.kind.ch9102',
    name: 'Uno/Nano compatible (CH9102)',
    chip: 'atmega328p',
    bootloaderBauds: UNO_BAUDS,
    driverAnchor: 'ch340-driver',
  },
  {
    vendorId: '0403',
    productId: '6001',
    labelKey: 'serial.port.kind.ftdi',
    name: 'Nano/Duemilanove or compatible (FTDI)',
    chip: 'atmega328p',
    bootloaderBauds: NANO_FIRST_BAUDS,
    driverAnchor: 'usb-serial-driver',
  },
  {
    vendorId: '0403',
    productId: '6015',
    labelKey: 'serial.port.kind.ftdi',
    name: 'Compatible board (FTDI FT231X)',
    chip: 'atmega328p',
    bootloaderBauds: UNO_BAUDS,
    driverAnchor: 'usb-serial-driver',
  },
  {
    vendorId: '10c4',
    productId: 'ea60',
    labelKey: 'serial.port.kind.cp210x',
    name: 'Compatible board (CP210x)',
    chip: 'atmega328p',
    bootloaderBauds: UNO_BAUDS,
    driverAnchor: 'usb-serial-driver',
  },
  {
    vendorId: '067b',
    productId: '2303',
    labelKey: 'serial.port.kind.pl2303',
    name: 'Compatible board (PL2303)',
    chip: 'unknown',
    bootloaderBauds: UNO_BAUDS,
    driverAnchor: 'usb-serial-driver',
  },
];

/** USB ids arrive as "2341", "0x2341" or "2341" upper-case depending on the OS. */
export const normaliseUsbId = (id: string | undefined | null): string | null => {
  if (!id) return null;
  const hex = id.trim().toLowerCase().replace(/^0x/, '');
  return /^[0-9a-f]{1,4}$/.test(hex) ? hex.padStart(4, '0') : null;
};

export const findUsbBoard = (
  vendorId: string | undefined | null,
  productId: string | undefined | null,
): UsbBoardEntry | null => {
  const vid = normaliseUsbId(vendorId);
  if (!vid) return null;
  const pid = normaliseUsbId(productId);
  return (
    usbBoardTable.find(
      (entry) => entry.vendorId === vid && entry.productId !== undefined && entry.productId === pid,
    ) ??
    usbBoardTable.find((entry) => entry.vendorId === vid && entry.productId === undefined) ??
    null
  );
};
