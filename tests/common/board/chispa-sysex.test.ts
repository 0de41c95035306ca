import { describe, expect, it } from 'vitest';
import { echoMicrosToCm, noToneSysex, toneSysex } from '../../../common/board/chispa-sysex';

describe('Chispa sysex encoders', () => {
  it('encodes TONE_DATA with 7-bit halves, FirmataPlus layout', () => {
    expect(toneSysex(8, 440)).toEqual([0x5f, 0, 8, 440 & 0x7f, 440 >> 7, 0, 0]);
    expect(toneSysex(3, 1000, 250)).toEqual([0x5f, 0, 3, 1000 & 0x7f, 1000 >> 7, 250 & 0x7f, 250 >> 7]);
    expect(noToneSysex(8)).toEqual([0x5f, 1, 8]);
  });

  it('keeps frequency and duration inside 14 bits and rounds them', () => {
    expect(toneSysex(8, 20000, 60000).slice(3)).toEqual([0x7f, 0x7f, 0x7f, 0x7f]);
    expect(toneSysex(8, 261.63).slice(3, 5)).toEqual([262 & 0x7f, 262 >> 7]);
  });

  it('turns an HC-SR04 echo into centimetres (343 m/s, there and back)', () => {
    expect(echoMicrosToCm(1166)).toBe(20);
    expect(echoMicrosToCm(5831)).toBe(100);
    expect(echoMicrosToCm(0)).toBe(0);
  });
});
