import { describe, expect, it } from 'vitest';
import { decodeRoster, detectRosterEncoding } from '../../../renderer/staff/roster-decode';

const roster = 'nombre;tipo;anio_nacimiento\r\nBenjamín Peña;niño;2015\r\nMaría José Quispe;niña;2014\r\n';

/** Windows-1252 bytes of a Latin-1 range text (what Excel on Spanish Windows saves). */
const windows1252 = (text: string) => Uint8Array.from([...text].map((char) => char.charCodeAt(0)));
const utf16 = (text: string, bigEndian: boolean, bom: boolean) => {
  const bytes: number[] = bom ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  for (const char of text) {
    const code = char.charCodeAt(0);
    bytes.push(...(bigEndian ? [code >> 8, code & 0xff] : [code & 0xff, code >> 8]));
  }
  return Uint8Array.from(bytes);
};

describe('roster file encodings', () => {
  it.each([
    ['UTF-8 without BOM', new TextEncoder().encode(roster), 'utf-8'],
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(roster)]), 'utf-8'],
    ['UTF-16LE with BOM', utf16(roster, false, true), 'utf-16le'],
    ['UTF-16BE with BOM', utf16(roster, true, true), 'utf-16be'],
    ['UTF-16LE without BOM', utf16(roster, false, false), 'utf-16le'],
    ['Windows-1252', windows1252(roster), 'windows-1252'],
  ] as const)('reads %s with the accents intact', (_name, bytes, encoding) => {
    expect(detectRosterEncoding(bytes)).toBe(encoding);
    const decoded = decodeRoster(bytes);
    expect(decoded.text).toBe(roster);
    expect(decoded.text).toContain('Benjamín Peña');
  });
});
