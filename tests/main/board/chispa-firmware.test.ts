import { describe, expect, it } from 'vitest';
import { CHISPA_FIRMWARE, classifyFirmware } from '../../../main/board/chispa-firmware';

describe('firmware classification', () => {
  it('tells our current, older and newer builds and other Firmata firmware apart', () => {
    expect(classifyFirmware({ ...CHISPA_FIRMWARE })).toBe('chispa-current');
    expect(classifyFirmware({ name: 'Chispa', major: 0, minor: 9 })).toBe('chispa-old');
    expect(
      classifyFirmware({ name: 'Chispa', major: CHISPA_FIRMWARE.major, minor: CHISPA_FIRMWARE.minor + 1 }),
    ).toBe('chispa-newer');
    expect(classifyFirmware({ name: 'Chispa', major: CHISPA_FIRMWARE.major + 1, minor: 0 })).toBe(
      'chispa-newer',
    );
    expect(classifyFirmware({ name: 'StandardFirmata', major: 2, minor: 5 })).toBe('other-firmata');
  });
});
