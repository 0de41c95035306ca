/**
 * Builds one ATmega328P from avr8js parts around a flash image. A "reset" in the virtual Uno
 * builds a fresh MCU on the same flash (avr8js's own reset only sets PC = 0 and keeps every
 * peripheral's state, which a real reset does not). After a watchdog reset the watchdog keeps
 * running as the datasheet says (see holdWatchdogAfterReset).
 */
import {
  AVRADC,
  AVRClock,
  AVREEPROM,
  AVRIOPort,
  AVRSPI,
  AVRTimer,
  AVRTWI,
  AVRUSART,
  AVRWatchdog,
  CPU,
  EEPROMMemoryBackend,
  adcConfig,
  eepromConfig,
  portBConfig,
  portCConfig,
  portDConfig,
  spiConfig,
  timer0Config,
  timer1Config,
  timer2Config,
  twiConfig,
  usart0Config,
  watchdogConfig,
} from 'avr8js';
import type { UnoPort } from './uno-pins';

export const CLOCK_HZ = 16_000_000;
export const FLASH_BYTES = 32 * 1024;
export const SRAM_BYTES = 2048;
export const EEPROM_BYTES = 1024;
/** Boot section sizes the BOOTSZ fuses select; an Uno leaves the factory with 512 (optiboot). */
export const BOOT_SECTION_BYTES = [512, 1024, 2048, 4096] as const;
export type BootSectionBytes = (typeof BOOT_SECTION_BYTES)[number];
export const UNO_BOOT_SECTION_BYTES: BootSectionBytes = 512;
export const SMCR = 0x53;
export const MCUSR = 0x54;
export const MCUSR_PORF = 0x01;
export const MCUSR_EXTRF = 0x02;
export const MCUSR_WDRF = 0x08;
const UCSR0A = 0xc0;
const UCSR0A_STATUS = 0x80 | 0x20; // RXC0, UDRE0: read-only
const UCSR0A_TXC = 0x40; // cleared by writing one
const WDTCSR = 0x60;
const WDTCSR_WDCE = 0x10;
const WDTCSR_WDE = 0x08;

/** Word address where BOOTRST jumps for a boot section of this size (it ends at the top of flash). */
export const bootStartWord = (sectionBytes: BootSectionBytes): number => (FLASH_BYTES - sectionBytes) / 2;

export interface UnoMcu {
  cpu: CPU;
  ports: Record<UnoPort, AVRIOPort>;
  usart: AVRUSART;
  adc: AVRADC;
  watchdog: AVRWatchdog;
  timers: AVRTimer[];
  twi: AVRTWI;
}

export function buildUnoMcu(
  progMem: Uint16Array,
  eeprom: EEPROMMemoryBackend,
  options: { startCycles: number; startWord: number; mcusr: number },
): UnoMcu {
  const cpu = new CPU(progMem, SRAM_BYTES);
  cpu.cycles = options.startCycles; // simulated time stays monotonic across resets
  const clock = new AVRClock(cpu, CLOCK_HZ);
  const mcu: UnoMcu = {
    cpu,
    ports: {
      B: new AVRIOPort(cpu, portBConfig),
      C: new AVRIOPort(cpu, portCConfig),
      D: new AVRIOPort(cpu, portDConfig),
    },
    usart: new AVRUSART(cpu, usart0Config, CLOCK_HZ),
    adc: new AVRADC(cpu, adcConfig),
    watchdog: new AVRWatchdog(cpu, watchdogConfig, clock),
    timers: [timer0Config, timer1Config, timer2Config].map((config) => new AVRTimer(cpu, config)),
    twi: new AVRTWI(cpu, twiConfig, CLOCK_HZ),
  };
  new AVRSPI(cpu, spiConfig, CLOCK_HZ);
  new AVREEPROM(cpu, eeprom, eepromConfig);
  cpu.pc = options.startWord;
  cpu.data[MCUSR] = options.mcusr;
  keepUartStatusFlags(cpu);
  holdWatchdogAfterReset(cpu);
  return mcu;
}

/**
 * avr8js stores only MPCM and U2X when UCSR0A is written, so a firmware that sets U2X clears
 * UDRE0 and RXC0 as well. On the chip those are read-only (and TXC0 is cleared only by writing a
 * one): an application started by a bootloader, with the transmitter already on, would otherwise
 * wait for UDRE0 forever.
 */
function keepUartStatusFlags(cpu: CPU): void {
  const write = cpu.writeHooks[UCSR0A];
  cpu.writeHooks[UCSR0A] = (value, oldValue, address, mask) => {
    const handled = write(value, oldValue, address, mask);
    const kept = oldValue & (UCSR0A_STATUS | (value & UCSR0A_TXC ? 0 : UCSR0A_TXC));
    cpu.data[UCSR0A] |= kept;
    return handled;
  };
}

/**
 * ATmega328P datasheet, WDTCSR: "WDE is overridden by WDRF in MCUSR. This means that WDE is
 * always set when WDRF is set. To clear WDE, WDRF must be cleared first." After a watchdog reset
 * the prescaler bits are 0, so the watchdog runs with its shortest timeout (16 ms) until software
 * clears WDRF and then WDE. Call after the AVRWatchdog exists and MCUSR is set.
 */
function holdWatchdogAfterReset(cpu: CPU): void {
  const write = cpu.writeHooks[WDTCSR];
  cpu.writeHooks[WDTCSR] = (value, oldValue, address, mask) =>
    write(cpu.data[MCUSR] & MCUSR_WDRF ? value | WDTCSR_WDE : value, oldValue, address, mask);
  if (cpu.data[MCUSR] & MCUSR_WDRF) {
    // The timed sequence through avr8js's own hook, so its timer starts (WDP = 0: 16 ms).
    cpu.writeData(WDTCSR, WDTCSR_WDCE | WDTCSR_WDE);
    cpu.writeData(WDTCSR, WDTCSR_WDE);
  }
}

export function newEepromBackend(): EEPROMMemoryBackend {
  const backend = new EEPROMMemoryBackend(EEPROM_BYTES);
  backend.memory.fill(0xff);
  return backend;
}
