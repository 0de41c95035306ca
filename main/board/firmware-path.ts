/**
 * Where the committed kit firmware hex lives: next to the sources in development and tests, in
 * the resources folder of a packaged app. CHISPA_FIRMWARE_HEX overrides both.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RELATIVE = join('firmware', 'chispa-firmata.hex');

export const defaultFirmwareHexPath = (): string => {
  const candidates: string[] = [];
  if (process.env.CHISPA_FIRMWARE_HEX) candidates.push(process.env.CHISPA_FIRMWARE_HEX);
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) candidates.push(join(resources, RELATIVE));
  try {
    // Source layout: main/board/ → repository root. (Undefined in a CommonJS bundle.)
    candidates.push(fileURLToPath(new URL('../../firmware/chispa-firmata.hex', import.meta.url)));
  } catch {
    // not an ES module here
  }
  candidates.push(join(process.cwd(), RELATIVE));
  return candidates.find((path) => existsSync(path)) ?? candidates[candidates.length - 1];
};
