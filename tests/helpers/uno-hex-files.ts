/** The two images the real-serial tests put on the virtual Uno: Debian's optiboot and the kit firmware. */
import { readFileSync } from 'node:fs';

export const OPTIBOOT_HEX_PATH =
  '/usr/share/arduino/hardware/arduino/avr/bootloaders/optiboot/optiboot_atmega328.hex';
export const KIT_FIRMWARE_HEX_PATH = new URL('../../firmware/chispa-firmata.hex', import.meta.url);

export const readOptibootHex = (): string => readFileSync(OPTIBOOT_HEX_PATH, 'utf8');
export const readKitFirmwareHex = (): string => readFileSync(KIT_FIRMWARE_HEX_PATH, 'utf8');
