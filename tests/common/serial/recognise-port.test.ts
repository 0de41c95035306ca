import { describe, expect, it } from 'vitest';
import { diffPortLists, isSameBoard, recognisePort, sortPorts } from '../../../common/serial/recognise-port';
import { findUsbBoard, normaliseUsbId, usbBoardTable } from '../../../common/serial/usb-boards';
import { messages } from '../../../common/i18n/messages';

describe('USB VID:PID recognition', () => {
  it('names genuine Unos from both Arduino vendors', () => {
    for (const [vid, pid] of [
      ['2341', '0043'],
      ['2341', '0001'],
      ['2341', '0243'],
      ['2a03', '0043'],
    ]) {
      const port = recognisePort({ path: '/dev/ttyACM0', vendorId: vid, productId: pid });
      expect(port.name).toBe('Arduino Uno');
      expect(port.chip).toBe('atmega328p');
      expect(port.bootloaderBauds[0]).toBe(115200);
    }
  });

  it('names CH340/CH9102 clones as Uno/Nano compatible, never "Unknown"', () => {
    const ch340 = recognisePort({ path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523' });
    expect(ch340.name).toBe('Uno/Nano compatible (CH340)');
    expect(ch340.labelKey).toBe('serial.port.kind.ch340');
    expect(ch340.driverAnchor).toBe('ch340-driver');
    expect(ch340.bootloaderBauds).toEqual([115200, 57600]);
    expect(recognisePort({ path: 'COM4', vendorId: '1A86', productId: '55D4' }).name).toContain('CH9102');
  });

  it('tries the old-bootloader speed first on FTDI Nanos, and knows CP210x', () => {
    expect(
      recognisePort({ path: '/dev/ttyUSB1', vendorId: '0403', productId: '6001' }).bootloaderBauds,
    ).toEqual([57600, 115200]);
    expect(recognisePort({ path: '/dev/ttyUSB2', vendorId: '10c4', productId: 'ea60' }).labelKey).toBe(
      'serial.port.kind.cp210x',
    );
  });

  it('normalises ids the way Windows, macOS and Linux spell them', () => {
    expect(normaliseUsbId('0x2341')).toBe('2341');
    expect(normaliseUsbId('2A03')).toBe('2a03');
    expect(normaliseUsbId('403')).toBe('0403');
    expect(normaliseUsbId('zz')).toBeNull();
    expect(normaliseUsbId(undefined)).toBeNull();
  });

  it('refuses to offer flashing for boards that are not an ATmega328P', () => {
    expect(findUsbBoard('2341', '0042')?.bootloaderBauds).toEqual([]);
    expect(findUsbBoard('2341', '0069')?.chip).toBe('not-avr');
    // An unknown Arduino product falls back to the vendor entry rather than nothing.
    expect(findUsbBoard('2341', 'abcd')?.labelKey).toBe('serial.port.kind.arduino-other');
  });

  it('keeps unknown USB devices as possible boards and built-in ports as unlikely', () => {
    expect(recognisePort({ path: '/dev/ttyUSB3', vendorId: '1234', productId: '5678' }).likelyBoard).toBe(
      true,
    );
    const builtIn = recognisePort({ path: '/dev/ttyS0' });
    expect(builtIn.likelyBoard).toBe(false);
    expect(recognisePort({ path: '/tmp/x/a' }, { manual: true }).labelKey).toBe('serial.port.kind.manual');
  });

  it('has a friendly name in Spanish and English for every label', () => {
    const keys = new Set([
      ...usbBoardTable.map((entry) => entry.labelKey),
      'serial.port.kind.usb-unknown',
      'serial.port.kind.unknown',
      'serial.port.kind.manual',
    ]);
    for (const key of keys) {
      expect(messages.es[key], key).toBeTruthy();
      expect(messages.en[key], key).toBeTruthy();
    }
    expect(messages.es['serial.port.kind.ch340']).toMatch(/compatible/i);
  });

  it('sorts boards first and diffs listings by path', () => {
    const uno = recognisePort({ path: '/dev/ttyACM0', vendorId: '2341', productId: '0043' });
    const ttyS = recognisePort({ path: '/dev/ttyS0' });
    const ch340 = recognisePort({ path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523' });
    expect(sortPorts([ttyS, ch340, uno]).map((port) => port.path)).toEqual([
      '/dev/ttyACM0',
      '/dev/ttyUSB0',
      '/dev/ttyS0',
    ]);
    const diff = diffPortLists([ttyS, uno], [ttyS, ch340]);
    expect(diff.added.map((port) => port.path)).toEqual(['/dev/ttyUSB0']);
    expect(diff.removed.map((port) => port.path)).toEqual(['/dev/ttyACM0']);
  });

  it('recognises the same board back on another path only by USB serial number', () => {
    const before = recognisePort({
      path: '/dev/ttyACM0',
      vendorId: '2341',
      productId: '0043',
      serialNumber: '8573',
    });
    const movedGenuine = recognisePort({
      path: '/dev/ttyACM1',
      vendorId: '2341',
      productId: '0043',
      serialNumber: '8573',
    });
    const otherGenuine = recognisePort({
      path: '/dev/ttyACM1',
      vendorId: '2341',
      productId: '0043',
      serialNumber: '9999',
    });
    const clone = recognisePort({ path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523' });
    const cloneMoved = recognisePort({ path: '/dev/ttyUSB1', vendorId: '1a86', productId: '7523' });
    expect(isSameBoard(before, movedGenuine)).toBe(true);
    expect(isSameBoard(before, otherGenuine)).toBe(false);
    expect(isSameBoard(clone, cloneMoved)).toBe(false);
    expect(isSameBoard(clone, { ...clone })).toBe(true);
  });
});
