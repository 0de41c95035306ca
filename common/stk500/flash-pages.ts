/**
 * Splits a flash image into the pages the bootloader writes, and compares read-back pages.
 * The image is flat from address 0 (gaps already filled with 0xFF, as erased flash reads).
 */
import { ATMEGA328P_APP_BYTES, ATMEGA328P_PAGE_SIZE } from './constants';

export interface FlashPage {
  /** Byte address of the page start. */
  address: number;
  data: Uint8Array;
}

export const paginate = (image: Uint8Array, pageSize = ATMEGA328P_PAGE_SIZE): FlashPage[] => {
  const pages: FlashPage[] = [];
  for (let address = 0; address < image.length; address += pageSize) {
    const data = new Uint8Array(pageSize).fill(0xff);
    data.set(image.subarray(address, Math.min(address + pageSize, image.length)));
    pages.push({ address, data });
  }
  return pages;
};

/** Whether the image fits below the bootloader; a bigger one would overwrite optiboot. */
export const fitsBelowBootloader = (image: Uint8Array, appBytes = ATMEGA328P_APP_BYTES): boolean =>
  image.length <= appBytes;

/** Address of the first differing byte, or null when equal. */
export const firstMismatch = (expected: FlashPage, actual: Uint8Array): number | null => {
  for (let index = 0; index < expected.data.length; index += 1) {
    if (actual[index] !== expected.data[index]) return expected.address + index;
  }
  return null;
};

export const formatSignature = (bytes: ArrayLike<number>): string =>
  Array.from(bytes, (byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join(' ');
