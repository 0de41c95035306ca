/**
 * Virtual Uno speed and cost (docs/architecture.md, "Testing and measuring": real-time factor ≥ 1 at 16 MHz with modest host CPU).
 * For each workload: flat out (unpaced) real-time factor, then paced to the wall clock the CPU
 * time of the worker thread (% of one core) and the simulated/wall ratio it keeps.
 * Workloads: "idle" = the kit firmware booted with nothing to do; "loaded" = the kit firmware
 * driven by firmata-io with a servo on pin 9 sweeping and analog reporting on A0 and A1.
 * Without firmware/chispa-firmata.hex a small avr-gcc program stands in (servo pulses on
 * Timer1 + continuous ADC reads). "busy" is the worst case, a program that never sleeps nor
 * polls (like StandardFirmata's loop): the raw speed of avr8js on this host.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startVirtualUno, type VirtualUno, type VirtualUnoStats } from '../main/virtual-uno/virtual-uno';

const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 4000);
const KIT_HEX = new URL('../firmware/chispa-firmata.hex', import.meta.url);

const FALLBACK_IDLE = `
#include <avr/io.h>
#include <avr/interrupt.h>
#include <avr/sleep.h>
ISR(TIMER0_OVF_vect) {}
int main(void) { TCCR0A = 3; TCCR0B = 3; TIMSK0 = 1; sei(); set_sleep_mode(SLEEP_MODE_IDLE); for (;;) sleep_mode(); }`;
const BUSY = `
#include <avr/io.h>
volatile uint32_t x;
int main(void) { for (;;) x = x * 3 + 1; }`;
const FALLBACK_LOADED = `
#include <avr/io.h>
int main(void) {
  DDRB |= _BV(1); ICR1 = 39999; OCR1A = 3000;
  TCCR1A = _BV(COM1A1) | _BV(WGM11); TCCR1B = _BV(WGM13) | _BV(WGM12) | _BV(CS11);
  ADMUX = _BV(REFS0); ADCSRA = _BV(ADEN) | 7;
  for (uint8_t ch = 0;; ch ^= 1) { ADMUX = _BV(REFS0) | ch; ADCSRA |= _BV(ADSC); while (ADCSRA & _BV(ADSC)); }
}`;

function hasAvrGcc(): boolean {
  try {
    execFileSync('avr-gcc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function compile(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'chispa-bench-'));
  try {
    writeFileSync(join(dir, 'main.c'), source);
    execFileSync('avr-gcc', [
      '-mmcu=atmega328p',
      '-DF_CPU=16000000UL',
      '-Os',
      '-o',
      join(dir, 'a.elf'),
      join(dir, 'main.c'),
    ]);
    execFileSync('avr-objcopy', ['-O', 'ihex', join(dir, 'a.elf'), join(dir, 'a.hex')]);
    return readFileSync(join(dir, 'a.hex'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts driving the board; the returned function stops and describes what was driven. */
type Drive = (uno: VirtualUno) => Promise<() => string>;
type Workload = { name: 'idle' | 'loaded' | 'busy'; hex: string; drive: Drive };
const noDrive: Drive = async () => () => 'no host traffic';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** firmata-io on the virtual board: handshake, servo sweep on pin 9, analog reports on A0/A1. */
async function driveFirmata(uno: VirtualUno): Promise<() => string> {
  const { Firmata } = createRequire(import.meta.url)('firmata-io');
  const board = new Firmata(uno.transport, { reportVersionTimeout: 1000 });
  uno.transport.start();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Firmata handshake timed out')), 15_000);
    board.once('ready', () => (clearTimeout(timer), resolve()));
  });
  uno.input({ kind: 'analog', pin: 0, volts: 2.5 });
  uno.input({ kind: 'analog', pin: 1, volts: 1.2 });
  board.servoConfig(9, 600, 2400);
  board.reportAnalogPin(0, 1);
  board.reportAnalogPin(1, 1);
  let reports = 0;
  const started = Date.now();
  board.on('analog-read-0', () => reports++);
  board.on('analog-read-1', () => reports++);
  let angle = 0;
  const sweep = setInterval(() => {
    angle = (angle + 10) % 180;
    board.servoWrite(9, angle);
  }, 100);
  return () => {
    clearInterval(sweep);
    const perSecond = (reports * 1000) / (Date.now() - started);
    const pulse = uno.latestPins()?.servoPulseUs['9'];
    return `${perSecond.toFixed(0)} analog reports/s (wall), servo pulse on pin 9: ${pulse ?? 'none'} µs`;
  };
}

async function measure(workload: Workload, paced: boolean): Promise<VirtualUnoStats> {
  const uno = await startVirtualUno({ flashHex: workload.hex, paced });
  try {
    const stopDriving = await workload.drive(uno);
    await sleep(500); // settle
    await uno.stats(); // opens the window
    await sleep(WINDOW_MS);
    const stats = await uno.stats();
    console.log(`# ${workload.name}, ${paced ? 'paced' : 'flat out'}: ${stopDriving()}`);
    return stats;
  } finally {
    await uno.stop();
  }
}

const fixed = (value: number | null, digits: number) => (value === null ? 'n/a' : value.toFixed(digits));

async function main(): Promise<void> {
  console.log(
    `# host: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const kit = existsSync(KIT_HEX) ? readFileSync(KIT_HEX, 'utf8') : null;
  if (!kit) console.log('# firmware/chispa-firmata.hex missing: using stand-in avr-gcc programs');
  const workloads: Workload[] = [
    { name: 'idle', hex: kit ?? compile(FALLBACK_IDLE), drive: noDrive },
    { name: 'loaded', hex: kit ?? compile(FALLBACK_LOADED), drive: kit ? driveFirmata : noDrive },
  ];
  if (hasAvrGcc()) workloads.push({ name: 'busy', hex: compile(BUSY), drive: noDrive });
  else console.log('# busy workload skipped: avr-gcc is not installed');
  for (const workload of workloads) {
    const flat = await measure(workload, false);
    const paced = await measure(workload, true);
    console.log(`bench: virtual-uno.realtime-factor.${workload.name} = ${fixed(flat.realTimeFactor, 2)} x`);
    // Simulated ms per ms of the worker thread's CPU, flat out: what the speed would be with a
    // core to itself (the wall-clock factor above shrinks when other processes share the CPU).
    const perCpu = flat.hostCpuPercent ? flat.realTimeFactor / (flat.hostCpuPercent / 100) : null;
    console.log(`bench: virtual-uno.realtime-factor-per-cpu.${workload.name} = ${fixed(perCpu, 2)} x`);
    console.log(`bench: virtual-uno.host-cpu.${workload.name} = ${fixed(paced.hostCpuPercent, 1)} %`);
    console.log(
      `bench: virtual-uno.paced-realtime-factor.${workload.name} = ${fixed(paced.realTimeFactor, 3)} x`,
    );
    console.log(
      `bench: virtual-uno.event-loop-utilization.${workload.name} = ${fixed(paced.eventLoopUtilization * 100, 1)} %`,
    );
    console.log(
      `bench: virtual-uno.sleep-fraction.${workload.name} = ${fixed(paced.sleepFraction * 100, 1)} %`,
    );
    if (paced.droppedLagMs > 0) {
      console.log(
        `# ${workload.name}: the paced run dropped ${paced.droppedLagMs.toFixed(0)} ms of lag (whole run)`,
      );
    }
  }
}

await main();
