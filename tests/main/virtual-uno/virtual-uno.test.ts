import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { startVirtualUno, type VirtualUno } from '../../../main/virtual-uno/virtual-uno';
import { UART_57600, compileAvr, hasAvrGcc } from './avr-build';

const KIT_FIRMWARE = new URL('../../../firmware/chispa-firmata.hex', import.meta.url);
const hasKitFirmware = existsSync(KIT_FIRMWARE);
if (!hasAvrGcc) console.warn('virtual-uno worker tests skipped: avr-gcc is not installed');
if (!hasKitFirmware)
  console.warn('virtual-uno firmata test skipped: firmware/chispa-firmata.hex is not built yet');

const started: VirtualUno[] = [];
async function start(options: Parameters<typeof startVirtualUno>[0]): Promise<VirtualUno> {
  const uno = await startVirtualUno(options);
  started.push(uno);
  return uno;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((uno) => uno.stop()));
});

function until<T>(probe: () => T | undefined | null | false, what: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const startedAt = Date.now();
    const check = () => {
      const value = probe();
      if (value) return resolve(value);
      if (Date.now() - startedAt > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(check, 10);
    };
    check();
  });
}

describe.skipIf(!hasAvrGcc)('startVirtualUno (worker thread, paced to real time)', () => {
  it('is a transport firmata-io accepts: open, data in and out, write callback, close', async () => {
    const hex = compileAvr(`${UART_57600}
      int main(void) { uart_init(); uart_put('!'); for (;;) uart_put(uart_get() + 1); }`);
    const uno = await start({ flashHex: hex });
    // Subscribing late still gets 'open' and the boot byte the firmware sent before anyone listened.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const opened = new Promise<void>((resolve) => uno.transport.on('open', () => resolve()));
    const received: number[] = [];
    uno.transport.on('data', (buf: Buffer) => received.push(...buf));
    uno.transport.start();
    await opened;
    expect(uno.transport.isOpen).toBe(true);
    const written = await new Promise<Error | null | undefined>((resolve) =>
      uno.transport.write(Buffer.from([1, 2, 3]), resolve),
    );
    expect(written).toBeFalsy();
    await until(() => received.length >= 4, 'echo');
    expect(received).toEqual([0x21, 2, 3, 4]);
    const closed = new Promise<void>((resolve) => uno.transport.on('close', () => resolve()));
    uno.transport.close();
    await closed;
    expect(uno.transport.isOpen).toBe(false);
  });

  it('streams pin snapshots and takes inputs from the panel', async () => {
    const hex = compileAvr(`
      #include <avr/io.h>
      int main(void) { DDRB |= _BV(5); PORTD |= _BV(2); for (;;) { if (PIND & _BV(2)) PORTB |= _BV(5); else PORTB &= ~_BV(5); } }`);
    const uno = await start({ flashHex: hex });
    await until(() => uno.latestPins()?.digital[13] === true, 'pin 13 high from the pull-up');
    uno.input({ kind: 'digital', pin: 2, level: false });
    await until(() => uno.latestPins()?.digital[13] === false, 'pin 13 low after pressing D2');
    uno.input({ kind: 'digital', pin: 2, level: true });
    await until(() => uno.latestPins()?.digital[13] === true, 'pin 13 high after releasing D2');
    expect(() => uno.input({ kind: 'analog', pin: 9, volts: 1 })).toThrow();
  });

  it('throttles pin snapshots to about 30 per second while the pins change all the time', async () => {
    // Pins 8-13 count in binary every 2.9 ms: every snapshot differs from the previous one.
    const hex = compileAvr(`
      #include <avr/io.h>
      #include <util/delay.h>
      int main(void) { DDRB = 0x3f; for (;;) { PORTB = (PORTB + 1) & 0x3f; _delay_us(2900); } }`);
    const uno = await start({ flashHex: hex });
    const seen: string[] = [];
    uno.onPins((snapshot) => seen.push(snapshot.digital.slice(8, 14).join()));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(new Set(seen).size).toBeGreaterThan(3);
    expect(seen.length).toBeLessThanOrEqual(35); // wall-clock throttle: under load there are only fewer
  });

  it('stop() terminates the worker thread: no worker left behind', async () => {
    const hex = compileAvr('int main(void) { for (;;) {} }');
    const uno = await start({ flashHex: hex });
    let exitError: Error | undefined | 'not called' = 'not called';
    uno.onExit((error) => (exitError = error));
    const workersBefore = process.getActiveResourcesInfo().filter((name) => name === 'MessagePort').length;
    expect(uno.running).toBe(true);
    await uno.stop();
    expect(uno.running).toBe(false);
    expect(exitError).toBeUndefined();
    expect(process.getActiveResourcesInfo().filter((name) => name === 'MessagePort').length).toBeLessThan(
      workersBefore,
    );
    await expect(uno.stats()).rejects.toThrow(/stopped/);
    await uno.stop(); // idempotent
  });

  it('rejects a broken hex with a clear error and leaves no worker', async () => {
    await expect(startVirtualUno({ flashHex: ':0100000011FF\n:00000001FF\n' })).rejects.toThrow(/checksum/);
  });

  it('reports stats, resets into the bootloader and reads flash back', async () => {
    const hex = compileAvr(`${UART_57600}
      int main(void) { uint8_t cause = MCUSR; MCUSR = 0; uart_init(); uart_put(cause); for (;;) {} }`);
    const uno = await start({ flashHex: hex });
    const received: number[] = [];
    uno.transport.on('data', (buf: Buffer) => received.push(...buf));
    uno.transport.start();
    await until(() => received.length === 1, 'boot byte');
    expect(received).toEqual([0x01]); // power-on reset
    uno.reset();
    await until(() => received.length === 2, 'byte after reset');
    expect(received[1]).toBe(0x02); // external reset
    const stats = await uno.stats();
    expect(stats.simTimeMs).toBeGreaterThan(0);
    expect(stats.realTimeFactor).toBeGreaterThan(0);
    const flash = await uno.readFlash();
    expect(flash.length).toBe(32 * 1024);
    expect(flash[0]).toBe(0x0c); // jmp __init
    expect(flash[0x7e00]).toBe(0xff); // no bootloader: the boot section is erased
  });
});

describe.skipIf(!hasKitFirmware)('virtual Uno running the kit firmware under firmata-io', () => {
  it('completes the Firmata handshake and drives pin 13', async () => {
    const uno = await start({ flashHex: readFileSync(KIT_FIRMWARE, 'utf8') });
    const { Firmata } = createRequire(import.meta.url)('firmata-io');
    const board = new Firmata(uno.transport, { reportVersionTimeout: 1000 });
    uno.transport.start();
    await new Promise<void>((resolve, reject) => {
      board.once('ready', resolve);
      board.once('error', reject);
    });
    expect(board.firmware.name).toMatch(/chispa/i);
    board.pinMode(13, board.MODES.OUTPUT);
    board.digitalWrite(13, 1);
    await until(() => uno.latestPins()?.digital[13] === true, 'pin 13 on');
    board.digitalWrite(13, 0);
    await until(() => uno.latestPins()?.digital[13] === false, 'pin 13 off');
  });
});
