/**
 * Identity of the kit firmware committed at firmware/chispa-firmata.hex, as its REPORT_FIRMWARE
 * message carries it. Keep in sync with firmware/src/config.h (tests/firmware checks both).
 */
export const CHISPA_FIRMWARE = { name: 'Chispa', major: 1, minor: 0 } as const;

export interface FirmwareIdentity {
  name: string;
  major: number;
  minor: number;
}

export type FirmwareKind = 'chispa-current' | 'chispa-old' | 'chispa-newer' | 'other-firmata';

/** Classifies what a board runs: our current firmware, an older/newer Chispa build, or another Firmata. */
export const classifyFirmware = (firmware: FirmwareIdentity): FirmwareKind => {
  if (firmware.name !== CHISPA_FIRMWARE.name) return 'other-firmata';
  const have = firmware.major * 1000 + firmware.minor;
  const want = CHISPA_FIRMWARE.major * 1000 + CHISPA_FIRMWARE.minor;
  if (have < want) return 'chispa-old';
  return have === want ? 'chispa-current' : 'chispa-newer';
};

export const formatFirmwareVersion = (firmware: FirmwareIdentity): string =>
  `${firmware.major}.${firmware.minor}`;
