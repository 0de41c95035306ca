/**
 * Puts Intel HEX images into the virtual Uno's flash the way a programmer would, and refuses what
 * a real ATmega328P could not hold: bytes past the 32 KiB flash, a bootloader outside the boot
 * section its fuses select, an application reaching into that boot section.
 */
import { parseIntelHex } from '../../common/intel-hex';

export class FlashImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlashImageError';
  }
}

export interface FlashRegion {
  /** What the image is, for the error message ("bootloader", "application"). */
  what: string;
  /** First and one-past-last byte address the image may write. */
  start: number;
  end: number;
}

/** Writes the image's bytes into `flash`; throws FlashImageError if any falls outside `region`. */
export function placeHexImage(flash: Uint8Array, hexText: string, region: FlashRegion): void {
  const image = parseIntelHex(hexText);
  let low = -1;
  for (let address = 0; address < image.size; address++) {
    if (image.data[address] !== 0xff) {
      low = address;
      break;
    }
  }
  if (low < 0) return;
  if (low < region.start || image.size > region.end) {
    throw new FlashImageError(
      `${region.what} image does not fit: it writes ${hex(low)}–${hex(image.size - 1)}, ` +
        `but the ${region.what} may only use ${hex(region.start)}–${hex(region.end - 1)}` +
        (image.size > flash.length ? ` (the flash ends at ${hex(flash.length - 1)})` : ''),
    );
  }
  if (image.firstOverlap !== null) {
    throw new FlashImageError(
      `${region.what} image does not fit its own layout: two of its records write ${hex(image.firstOverlap)}`,
    );
  }
  for (let address = low; address < image.size; address++) {
    // 0xFF is also the gap filler: only overwrite with bytes a record actually wrote.
    if (image.data[address] !== 0xff) flash[address] = image.data[address];
  }
}

const hex = (address: number): string => `0x${address.toString(16).toUpperCase().padStart(4, '0')}`;
