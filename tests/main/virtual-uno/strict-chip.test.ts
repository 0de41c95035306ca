/**
 * The virtual Uno is as strict as an ATmega328P where a test could otherwise pass on a board
 * that would fail: images that do not fit are refused, and the watchdog keeps running after a
 * watchdog reset (datasheet: WDRF forces WDE on, prescaler back to 16 ms) until software clears it.
 */
import { describe, expect, it } from 'vitest';
import { FlashImageError } from '../../../main/virtual-uno/flash-images';
import { VirtualUnoCore } from '../../../main/virtual-uno/virtual-uno-core';
import { startVirtualUno } from '../../../main/virtual-uno/virtual-uno';
import { bootloaderSourcesMissingReason, readDebianOptibootHex } from '../../helpers/uno-hex-files';
import { UART_57600, compileAvr } from './avr-build';

const skipReason = bootloaderSourcesMissingReason();
if (skipReason) console.warn(`strict-chip tests skipped: ${skipReason}`);

/** Intel HEX with `count` 0x00 bytes from `address` (16-byte records). */
function filler(address: number, count: number): string {
  const lines: string[] = [];
  for (let offset = 0; offset < count; offset += 16) {
    const at = address + offset;
    const n = Math.min(16, count - offset);
    const bytes = [n, (at >> 8) & 0xff, at & 0xff, 0, ...new Array<number>(n).fill(0)];
    const sum = (0x100 - (bytes.reduce((a, b) => a + b, 0) & 0xff)) & 0xff;
    lines.push(
      `:${[...bytes, sum]
        .map((b) => b.toString(16).padStart(2, '0'))
        .join('')
        .toUpperCase()}`,
    );
  }
  return `${lines.join('\n')}\n:00000001FF\n`;
}

describe.skipIf(skipReason !== null)('images that do not fit', () => {
  it("refuses Debian's prebuilt optiboot: 532 bytes from 0x7E00 run past the end of flash", () => {
    const hex = readDebianOptibootHex();
    for (const bootSectionBytes of [512, 1024] as const) {
      expect(() => new VirtualUnoCore({ bootloaderHex: hex, bootSectionBytes })).toThrow(FlashImageError);
    }
    expect(() => new VirtualUnoCore({ bootloaderHex: hex })).toThrow(
      /bootloader image does not fit: it writes 0x7E00–0x8013, .*0x7E00–0x7FFF \(the flash ends at 0x7FFF\)/,
    );
  });

  it('the worker refuses it too: starting the virtual Uno fails with the same message', async () => {
    await expect(startVirtualUno({ bootloaderHex: readDebianOptibootHex() })).rejects.toThrow(
      /bootloader image does not fit/,
    );
  });
});

describe('images that do not fit (synthetic)', () => {
  it('refuses a bootloader that starts below its boot section', () => {
    const hex = filler(0x7c00, 64);
    expect(() => new VirtualUnoCore({ bootloaderHex: hex })).toThrow(/may only use 0x7E00–0x7FFF/);
    expect(() => new VirtualUnoCore({ bootloaderHex: hex, bootSectionBytes: 1024 })).not.toThrow();
  });

  it('refuses an application that reaches into the boot section, accepts it without a bootloader', () => {
    const app = filler(0x7df0, 32);
    const bootloader = filler(0x7e00, 16);
    expect(() => new VirtualUnoCore({ flashHex: app, bootloaderHex: bootloader })).toThrow(
      /application image does not fit: it writes 0x7DF0–0x7E0F, but the application may only use 0x0000–0x7DFF/,
    );
    expect(() => new VirtualUnoCore({ flashHex: app })).not.toThrow();
  });

  it('refuses an image whose records overlap (a section linked over another)', () => {
    const overlapping = filler(0x100, 16).replace(':00000001FF', filler(0x108, 4).trim());
    expect(() => new VirtualUnoCore({ flashHex: overlapping })).toThrow(/two of its records write 0x0108/);
  });
});

/**
 * Prints MCUSR at start. On a power-on start it arms a 250 ms watchdog and never feeds it. On a
 * start after a watchdog reset it does what ACK says: nothing, only wdt_disable(), or the
 * datasheet's way (clear WDRF, then disable).
 */
function watchdogApp(ack: 'nothing' | 'disable-only' | 'clear-then-disable'): string {
  const onWatchdogStart = {
    nothing: '',
    'disable-only': 'wdt_disable();',
    'clear-then-disable': 'MCUSR = 0; wdt_disable();',
  }[ack];
  return compileAvr(`${UART_57600}
    #include <avr/wdt.h>
    int main(void) {
      uint8_t flags = MCUSR;
      uart_init();
      uart_put(flags);
      if (flags & _BV(WDRF)) { ${onWatchdogStart} } else wdt_enable(WDTO_250MS);
      for (;;) {}
    }`);
}

describe.skipIf(skipReason !== null)('the watchdog after a watchdog reset', () => {
  const run = (ack: Parameters<typeof watchdogApp>[0]) => {
    const core = new VirtualUnoCore({ flashHex: watchdogApp(ack) });
    const starts: number[] = [];
    core.onUartTransmit((byte) => starts.push(byte));
    core.runMs(200);
    expect(core.stats().watchdogResets).toBe(0);
    core.runMs(300); // the 250 ms watchdog fires once
    const afterFirst = core.stats().watchdogResets;
    core.runMs(160); // ten times the 16 ms timeout
    return { starts, afterFirst, total: core.stats().watchdogResets };
  };

  it('keeps running at 16 ms with WDRF set while the firmware ignores it', () => {
    const { starts, afterFirst, total } = run('nothing');
    expect(afterFirst).toBeGreaterThanOrEqual(1);
    expect(total - afterFirst).toBeGreaterThanOrEqual(8);
    expect(total - afterFirst).toBeLessThanOrEqual(11);
    expect(starts[0]).toBe(0x01); // PORF
    // Every later start sees WDRF, and PORF is still there: only software clears the flags.
    expect(starts.slice(1).every((flags) => flags === 0x09)).toBe(true);
  });

  it('cannot be switched off while WDRF is set (WDE is forced on)', () => {
    const { afterFirst, total } = run('disable-only');
    expect(total - afterFirst).toBeGreaterThanOrEqual(8);
  });

  it('stops once the firmware clears WDRF and then WDE', () => {
    const { starts, total } = run('clear-then-disable');
    expect(total).toBe(1);
    expect(starts).toEqual([0x01, 0x09]);
  });
});
