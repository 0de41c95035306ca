import { describe, expect, it } from 'vitest';
import { parseIntelHex } from '../../../common/intel-hex';
import { VirtualUnoCore } from '../../../main/virtual-uno/virtual-uno-core';
import { startVirtualUno } from '../../../main/virtual-uno/virtual-uno';
import { atmegaBoot, bootloaderSourcesMissingReason, fittingOptiboot } from '../../helpers/uno-hex-files';
import { UART_57600, compileAvr } from './avr-build';

const skipReason = bootloaderSourcesMissingReason();
if (skipReason) console.warn(`bootloader tests skipped: ${skipReason}`);

const OK = [0x14, 0x10];
const PAGE = 128;

/** Talks STK500v1 to the bootloader in the core, byte by byte, in simulated time. */
class Stk500Probe {
  private readonly rx: number[] = [];
  constructor(private readonly core: VirtualUnoCore) {
    core.onUartTransmit((byte) => this.rx.push(byte));
  }

  /** Sends a command and returns the reply once `replyLength` bytes came (gives up after 1 s simulated). */
  exchange(command: number[], replyLength: number): number[] {
    this.rx.length = 0;
    this.core.uartWrite(Uint8Array.from(command));
    for (let ms = 0; ms < 1000 && this.rx.length < replyLength; ms++) this.core.runMs(1);
    return this.rx.splice(0);
  }
}

function appHex(): string {
  return compileAvr(`${UART_57600}
    int main(void) { uart_init(); for (const char *s = "app running"; *s; s++) uart_put(*s); for (;;) {} }`);
}

describe.skipIf(skipReason !== null)(
  "optiboot rebuilt from Debian's source running in the virtual Uno (SPM, BOOTRST, BOOTSZ)",
  () => {
    it('answers sync and signature, programs pages, reads them back, then starts the new app', () => {
      const core = new VirtualUnoCore({ ...fittingOptiboot(), startAt: 'bootloader' });
      const stk = new Stk500Probe(core);
      core.runMs(1);

      expect(stk.exchange([0x30, 0x20], 2)).toEqual(OK); // GET_SYNC
      expect(stk.exchange([0x75, 0x20], 5)).toEqual([0x14, 0x1e, 0x95, 0x0f, 0x10]); // READ_SIGN

      const image = parseIntelHex(appHex());
      const pages = Math.ceil(image.size / PAGE);
      expect(pages).toBeGreaterThan(1);
      for (let page = 0; page < pages; page++) {
        const word = (page * PAGE) / 2;
        expect(stk.exchange([0x55, word & 0xff, word >> 8, 0x20], 2)).toEqual(OK); // LOAD_ADDRESS
        const data = Array.from(image.data.subarray(page * PAGE, page * PAGE + PAGE));
        while (data.length < PAGE) data.push(0xff);
        expect(stk.exchange([0x64, 0x00, PAGE, 0x46, ...data, 0x20], 2)).toEqual(OK); // PROG_PAGE
      }
      // Read the first page back through the bootloader.
      expect(stk.exchange([0x55, 0, 0, 0x20], 2)).toEqual(OK);
      const readBack = stk.exchange([0x74, 0x00, PAGE, 0x46, 0x20], PAGE + 2);
      expect(readBack[0]).toBe(0x14);
      expect(readBack.slice(1, PAGE + 1)).toEqual(Array.from(image.data.subarray(0, PAGE)));
      expect(readBack[PAGE + 1]).toBe(0x10);

      const flash = core.readFlash();
      expect(Array.from(flash.subarray(0, image.size))).toEqual(Array.from(image.data));
      expect(flash.subarray(image.size, pages * PAGE).every((b) => b === 0xff)).toBe(true);
      expect(core.stats().pageWrites).toBe(pages);

      // LEAVE_PROGMODE: optiboot lets the watchdog reset the chip; the rebuilt MCU boots the bootloader
      // (BOOTRST), which sees WDRF instead of EXTRF and jumps to the freshly written app.
      expect(stk.exchange([0x51, 0x20], 2)).toEqual(OK);
      const text = stk.exchange([], 'app running'.length);
      expect(String.fromCharCode(...text)).toBe('app running');
      expect(core.stats().watchdogResets).toBe(1);
    });

    it('optiboot answers at the same cycles whether or not its polling loops are skipped', () => {
      const session = (skipPollingLoops: boolean) => {
        const core = new VirtualUnoCore({ ...fittingOptiboot(), skipPollingLoops });
        const seen: string[] = [];
        core.onUartTransmit((byte) => seen.push(`${byte}@${core.cycles}`));
        core.runMs(500); // optiboot flashes the LED before it listens
        for (const command of [
          [0x30, 0x20],
          [0x75, 0x20],
          [0x55, 0, 0, 0x20],
          [0x74, 0, 16, 0x46, 0x20],
        ]) {
          core.uartWrite(Uint8Array.from(command));
          core.runMs(50);
        }
        return { seen, skipped: core.stats().pollSkippedCycles };
      };
      const stepped = session(false);
      const skipped = session(true);
      expect(skipped.skipped).toBeGreaterThan(0);
      expect(skipped.seen.length).toBe(2 + 5 + 2 + 18);
      expect(skipped.seen).toEqual(stepped.seen);
    });

    it('the rebuilt optiboot needs a 1 KiB boot section and the virtual Uno holds it there', () => {
      const optiboot = fittingOptiboot();
      expect(optiboot.bootSectionBytes).toBe(1024);
      const image = parseIntelHex(optiboot.bootloaderHex);
      const core = new VirtualUnoCore({ flashHex: appHex(), ...optiboot });
      const flash = core.readFlash();
      expect(flash.length).toBe(32 * 1024);
      expect(Array.from(flash.subarray(0x7c00))).toEqual(Array.from(image.data.subarray(0x7c00, 0x8000)));
    });

    it('an external reset runs optiboot (3 LED flashes, then 1 s watchdog) before the app starts', () => {
      const core = new VirtualUnoCore({ flashHex: appHex(), ...fittingOptiboot() });
      const out: number[] = [];
      core.onUartTransmit((byte) => out.push(byte));
      core.runMs(1000);
      expect(out).toEqual([]); // still waiting for an uploader
      core.runMs(1000);
      expect(String.fromCharCode(...out)).toBe('app running');
    });

    it('the worker handle resets into the bootloader on request (no DTR on a pty)', async () => {
      const uno = await startVirtualUno({ flashHex: appHex(), ...fittingOptiboot() });
      try {
        const rx: number[] = [];
        uno.transport.on('data', (buf: Buffer) => rx.push(...buf));
        uno.transport.start();
        await waitFor(() => rx.length >= 'app running'.length, 'app start after the bootloader timeout');
        rx.length = 0;
        uno.reset({ intoBootloader: true });
        uno.transport.write(Buffer.from([0x30, 0x20]));
        await waitFor(() => rx.length >= 2, 'GET_SYNC answer');
        expect(rx.slice(0, 2)).toEqual(OK);
      } finally {
        await uno.stop();
      }
    });
  },
);

/** Programs `image` page by page through STK500v1 and reads the first page back. */
function programThrough(stk: Stk500Probe, image: { data: Uint8Array; size: number }): number {
  const pages = Math.ceil(image.size / PAGE);
  for (let page = 0; page < pages; page++) {
    const word = (page * PAGE) / 2;
    expect(stk.exchange([0x55, word & 0xff, word >> 8, 0x20], 2)).toEqual(OK);
    const data = Array.from(image.data.subarray(page * PAGE, page * PAGE + PAGE));
    while (data.length < PAGE) data.push(0xff);
    expect(stk.exchange([0x64, 0x00, PAGE, 0x46, ...data, 0x20], 2)).toEqual(OK);
  }
  return pages;
}

describe.skipIf(skipReason !== null)("Debian's ATmegaBOOT (old Nano bootloader) in the virtual Uno", () => {
  it('lives in a 2 KiB boot section and answers only at 57600 baud', () => {
    const atMismatch = new VirtualUnoCore(atmegaBoot());
    atMismatch.reset({ intoBootloader: true, lineBaud: 115200 });
    const wrongSpeed = new Stk500Probe(atMismatch);
    expect(wrongSpeed.exchange([0x30, 0x20], 2)).not.toEqual(OK);
    expect(atMismatch.stats().lineSpeedLosses).toBeGreaterThan(0);

    const core = new VirtualUnoCore(atmegaBoot());
    core.reset({ intoBootloader: true, lineBaud: 57600 });
    const stk = new Stk500Probe(core);
    expect(stk.exchange([0x30, 0x20], 2)).toEqual(OK);
    expect(stk.exchange([0x75, 0x20], 5)).toEqual([0x14, 0x1e, 0x95, 0x0f, 0x10]);
    expect(core.stats().lineSpeedLosses).toBe(0);
  });

  it('programs pages, reads them back, and starts the app when it leaves programming mode', () => {
    const core = new VirtualUnoCore(atmegaBoot());
    core.reset({ intoBootloader: true, lineBaud: 57600 });
    const stk = new Stk500Probe(core);
    expect(stk.exchange([0x30, 0x20], 2)).toEqual(OK);
    expect(stk.exchange([0x50, 0x20], 2)).toEqual(OK); // ENTER_PROGMODE
    const image = parseIntelHex(appHex());
    const pages = programThrough(stk, image);
    expect(stk.exchange([0x55, 0, 0, 0x20], 2)).toEqual(OK);
    const readBack = stk.exchange([0x74, 0x00, PAGE, 0x46, 0x20], PAGE + 2);
    expect(readBack.slice(1, PAGE + 1)).toEqual(Array.from(image.data.subarray(0, PAGE)));
    expect(core.stats().pageWrites).toBe(pages);
    expect(Array.from(core.readFlash().subarray(0, image.size))).toEqual(Array.from(image.data));

    expect(stk.exchange([0x51, 0x20], 2)).toEqual(OK); // LEAVE_PROGMODE
    // ATmegaBOOT has no watchdog trick: it times out waiting for the next command and jumps to 0.
    const text: number[] = [];
    core.onUartTransmit((byte) => text.push(byte));
    for (let ms = 0; ms < 3000 && text.length < 'app running'.length; ms += 10) core.runMs(10);
    expect(String.fromCharCode(...text)).toBe('app running');
    expect(core.stats().watchdogResets).toBe(0);
  });
});

function waitFor(probe: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const check = () => {
      if (probe()) return resolve();
      if (Date.now() - start > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(check, 10);
    };
    check();
  });
}
