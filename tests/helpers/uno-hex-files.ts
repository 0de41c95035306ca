/**
 * The images the tests put on the virtual Uno: the kit firmware and bootloaders Debian ships
 * (arduino-core-avr). Debian's prebuilt optiboot_atmega328.hex does not fit the Uno's 512-byte
 * boot section (532 bytes from 0x7E00), so the virtual Uno refuses it; fittingOptiboot() rebuilds
 * optiboot from the source Debian ships with gcc-avr, with the smallest boot section it fits.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIntelHex } from '../../common/intel-hex';
import { BOOT_SECTION_BYTES, FLASH_BYTES, type BootSectionBytes } from '../../main/virtual-uno/uno-mcu';

const BOOTLOADERS = '/usr/share/arduino/hardware/arduino/avr/bootloaders';
export const DEBIAN_OPTIBOOT_HEX_PATH = `${BOOTLOADERS}/optiboot/optiboot_atmega328.hex`;
export const OPTIBOOT_SOURCE_DIR = `${BOOTLOADERS}/optiboot`;
/** The old Nano / Duemilanove bootloader: 2 KiB boot section (HFUSE 0xDA), 57600 baud. */
export const ATMEGABOOT_HEX_PATH = `${BOOTLOADERS}/atmega/ATmegaBOOT_168_atmega328.hex`;
export const KIT_FIRMWARE_HEX_PATH = new URL('../../firmware/chispa-firmata.hex', import.meta.url);

export const readKitFirmwareHex = (): string => readFileSync(KIT_FIRMWARE_HEX_PATH, 'utf8');
export const readDebianOptibootHex = (): string => readFileSync(DEBIAN_OPTIBOOT_HEX_PATH, 'utf8');

/** A bootloader as the virtual Uno takes it: the image and the boot section its fuses select. */
export interface BootloaderImage {
  bootloaderHex: string;
  bootSectionBytes: BootSectionBytes;
}

/** Null when Debian's bootloader sources and gcc-avr are there; otherwise why a test skips. */
export const bootloaderSourcesMissingReason = (): string | null => {
  if (!existsSync(`${OPTIBOOT_SOURCE_DIR}/optiboot.c`) || !existsSync(ATMEGABOOT_HEX_PATH))
    return `Debian's Arduino bootloaders are missing under ${BOOTLOADERS} (apt-get install arduino-core-avr)`;
  try {
    execFileSync('avr-gcc', ['--version'], { stdio: 'ignore' });
    execFileSync('make', ['--version'], { stdio: 'ignore' });
  } catch {
    return 'avr-gcc or make is not installed (apt-get install gcc-avr avr-libc make)';
  }
  return null;
};

export const atmegaBoot = (): BootloaderImage => ({
  bootloaderHex: readFileSync(ATMEGABOOT_HEX_PATH, 'utf8'),
  bootSectionBytes: 2048,
});

/** Whether the records of `hex` fit the top `sectionBytes` of the flash without overlapping. */
export const fitsBootSection = (hex: string, sectionBytes: BootSectionBytes): boolean => {
  const image = parseIntelHex(hex);
  const low = image.data.findIndex((byte) => byte !== 0xff);
  return image.firstOverlap === null && image.size <= FLASH_BYTES && low >= FLASH_BYTES - sectionBytes;
};

let optiboot: BootloaderImage | null = null;

/**
 * optiboot built from Debian's optiboot.c with its own Makefile's `atmega328` target (115200
 * baud, 3 LED flashes), linked at the start of the smallest boot section it fits. Built once per
 * process (about a second).
 */
export const fittingOptiboot = (): BootloaderImage => {
  if (optiboot) return optiboot;
  const dir = mkdtempSync(join(tmpdir(), 'chispa-optiboot-'));
  try {
    cpSync(OPTIBOOT_SOURCE_DIR, dir, { recursive: true });
    for (const sectionBytes of BOOT_SECTION_BYTES) {
      const text = (FLASH_BYTES - sectionBytes).toString(16);
      rmSync(join(dir, 'optiboot_atmega328.hex'), { force: true });
      execFileSync(
        'make',
        [
          '-C',
          dir,
          'atmega328',
          `LDSECTIONS=-Wl,--section-start=.text=0x${text} -Wl,--section-start=.version=0x7ffe`,
        ],
        { stdio: 'ignore' },
      );
      const hex = readFileSync(join(dir, 'optiboot_atmega328.hex'), 'utf8');
      if (fitsBootSection(hex, sectionBytes)) {
        optiboot = { bootloaderHex: hex, bootSectionBytes: sectionBytes };
        return optiboot;
      }
    }
    throw new Error('optiboot does not fit even a 4 KiB boot section');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
