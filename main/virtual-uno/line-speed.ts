/**
 * A serial line whose two ends disagree on the speed: the receiver samples the sender's bits at
 * the wrong moments and reads another byte (or framing noise) instead. The virtual Uno uses this
 * when the host says which speed it opened the port at (a pty carries no speed), so a bootloader
 * at 57600 does not answer an uploader at 115200, as on a real board.
 */

/** Mismatch a UART still reads correctly (the datasheet recommends under ±2 %; 3 % is lenient). */
const TOLERANCE = 0.03;

export const speedsMatch = (senderBaud: number, receiverBaud: number): boolean =>
  Math.abs(senderBaud - receiverBaud) <= receiverBaud * TOLERANCE;

/**
 * The byte an 8N1 receiver at `receiverBaud` reads from one character sent at `senderBaud`,
 * followed by an idle line: it syncs on the start bit's edge and samples the middle of each of its
 * own bit times.
 */
export function byteAsReceived(byte: number, senderBaud: number, receiverBaud: number): number {
  if (speedsMatch(senderBaud, receiverBaud)) return byte;
  const levelAt = (seconds: number): number => {
    const bit = Math.floor(seconds * senderBaud); // 0 start, 1-8 data (LSB first), then stop/idle
    if (bit === 0) return 0;
    return bit <= 8 ? (byte >> (bit - 1)) & 1 : 1;
  };
  let received = 0;
  for (let bit = 0; bit < 8; bit++) received |= levelAt((1.5 + bit) / receiverBaud) << bit;
  return received;
}
