/**
 * Builds one ATmega328P from avr8js parts around a flash image. A "reset" in the virtual Uno
 * builds a fresh MCU on the same flash (avr8js's own reset only sets PC = 0 and keeps every
 * peripheral's state, which a real reset does not).
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
/** Word address of the 512-byte boot section (BOOTSZ = 11 on an Uno): byte 0x7E00. */
export const BOOTLOADER_WORD = 0x3f00;
export const SMCR = 0x53;
export const MCUSR = 0x54;
export const MCUSR_PORF = 0x01;
export const MCUSR_EXTRF = 0x02;
export const MCUSR_WDRF = 0x08;

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
  return mcu;
}

export function newEepromBackend(): EEPROMMemoryBackend {
  const backend = new EEPROMMemoryBackend(EEPROM_BYTES);
  backend.memory.fill(0xff);
  return backend;
}
