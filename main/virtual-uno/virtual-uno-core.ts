/**
 * The virtual Arduino Uno, in process and synchronous: avr8js plus what it lacks for our use
 * (docs/architecture.md, "The virtual Uno"): a UART receive queue that never loses a byte, SLEEP
 * that skips idle time, timer events only where something happens (timer-coalescing.ts), every
 * due clock event fired after an instruction (clock-events.ts), SPM self-programming, a bootloader reset vector (BOOTRST, BOOTSZ) with
 * MCUSR, a full MCU rebuild on watchdog reset (the watchdog keeps running, as on the chip), a
 * serial line that only understands the speed the firmware set, inputs from the board panel (digital levels, analog volts, HC-SR04 distance)
 * and a pin monitor (PWM duty, servo pulse, tone frequency). The worker runs this paced to real
 * time; tests use it directly.
 */
import { avrInstruction, type AVRIOPort, type CPU, type EEPROMMemoryBackend } from 'avr8js';
import type { PinSnapshot } from '../../common/ipc/contract-board';
import { BusyLoopSkipper } from './busy-loop-skip';
import { tickAllDue } from './clock-events';
import { DistanceSensors, type DistanceSensorHost } from './distance-sensor';
import { placeHexImage } from './flash-images';
import { byteAsReceived, speedsMatch } from './line-speed';
import { PinMonitor, type PinWaveform } from './pin-monitor';
import { SelfProgramming } from './self-programming';
import { coalesceTimerEvents } from './timer-coalescing';
import { UartRxQueue } from './uart-rx-queue';
import {
  CLOCK_HZ,
  FLASH_BYTES,
  MCUSR,
  MCUSR_EXTRF,
  MCUSR_PORF,
  MCUSR_WDRF,
  SMCR,
  UNO_BOOT_SECTION_BYTES,
  bootStartWord,
  buildUnoMcu,
  newEepromBackend,
  type BootSectionBytes,
  type UnoMcu,
} from './uno-mcu';
import { UNO_PIN_COUNT } from '../../common/board/uno-pins';
import { isTimerPwmPin, unoPinLocation, unoPinOf, type UnoPort } from './uno-pins';

export interface VirtualUnoCoreOptions {
  /**
   * Intel HEX of the application (the kit firmware). Refused (FlashImageError) if it does not fit
   * below the boot section (when a bootloader is given) or in the 32 KiB flash.
   */
  flashHex?: string;
  /** Intel HEX of a bootloader; refused if it does not lie inside the boot section. */
  bootloaderHex?: string;
  /** The boot section the BOOTSZ fuses select (default 512, as on an Uno with optiboot). */
  bootSectionBytes?: BootSectionBytes;
  /**
   * Where reset jumps: 'bootloader' models the BOOTRST fuse (start of the boot section) and starts
   * there as after an external reset. Default: 'bootloader' when bootloaderHex is given, else 'app'.
   */
  startAt?: 'app' | 'bootloader';
  /** Skip idle polling loops (default true; false runs every instruction, for comparison). */
  skipPollingLoops?: boolean;
  /**
   * Timer events only at compare matches, TOP and BOTTOM (default true; false counts every
   * prescaled tick as avr8js does, for comparison). See timer-coalescing.ts.
   */
  coalesceTimers?: boolean;
}

export interface ResetOptions {
  /** Start in the bootloader as after an external reset (what DTR auto-reset does on a real Uno). */
  intoBootloader?: boolean;
  /**
   * Speed of the host's side of the serial line from now on (a pty carries none). When it differs
   * from the speed the firmware set by more than a UART tolerates, bytes in both directions arrive
   * garbled, as on a real line (line-speed.ts). Undefined: any speed is understood.
   */
  lineBaud?: number;
}

export interface CoreStats {
  cycles: number;
  /** Cycles skipped while the MCU slept (SLEEP with SE set). */
  sleptCycles: number;
  /** Cycles skipped in polling loops (waiting for UART, ADC, SPM…), see busy-loop-skip.ts. */
  pollSkippedCycles: number;
  resets: number;
  watchdogResets: number;
  uartRxPending: number;
  pageWrites: number;
  /** Bytes garbled because the host's speed did not match the firmware's. */
  lineSpeedLosses: number;
}

const CYCLES_PER_MS = CLOCK_HZ / 1000;
const CYCLES_PER_US = CLOCK_HZ / 1_000_000;
/** Thrown out of avr8js's watchdog (which calls cpu.reset()) to rebuild the MCU instead. */
const WATCHDOG_RESET = Symbol('watchdog-reset');
const PORTS: UnoPort[] = ['B', 'C', 'D'];

export class VirtualUnoCore {
  private readonly progMem = new Uint16Array(FLASH_BYTES / 2);
  private readonly flash = new Uint8Array(this.progMem.buffer);
  private readonly eeprom: EEPROMMemoryBackend = newEepromBackend();
  private readonly bootReset: boolean;
  private readonly bootWord: number;
  private lineBaud: number | undefined;
  private lineSpeedLosses = 0;
  private readonly skipPolling: boolean;
  private readonly coalesceTimers: boolean;
  private mcu!: UnoMcu;
  private readonly uartRx = new UartRxQueue();
  private readonly spm = new SelfProgramming(this.flash, CLOCK_HZ);
  private readonly busyLoops = new BusyLoopSkipper(this.progMem);
  private readonly monitor = new PinMonitor();
  private readonly distance: DistanceSensors;
  private readonly txListeners = new Set<(byte: number) => void>();
  /** Level applied from outside (button, wire) per pin; null = not driven. */
  private readonly external: (boolean | null)[] = new Array(UNO_PIN_COUNT).fill(null);
  private readonly echo: boolean[] = new Array(UNO_PIN_COUNT).fill(false);
  private readonly analogVolts: number[] = new Array(6).fill(0);
  private readonly lastDriven: Record<UnoPort, number> = { B: 0, C: 0, D: 0 };
  private readonly lastPullups: Record<UnoPort, number> = { B: 0, C: 0, D: 0 };
  private sleeping = false;
  private wakePc = -1;
  private sleptCycles = 0;
  private resets = 0;
  private watchdogResets = 0;

  constructor(options: VirtualUnoCoreOptions = {}) {
    this.flash.fill(0xff);
    const sectionBytes = options.bootSectionBytes ?? UNO_BOOT_SECTION_BYTES;
    this.bootWord = bootStartWord(sectionBytes);
    const bootStart = FLASH_BYTES - sectionBytes;
    const hasBootloader = options.bootloaderHex !== undefined;
    if (options.flashHex !== undefined) {
      const end = hasBootloader ? bootStart : FLASH_BYTES;
      placeHexImage(this.flash, options.flashHex, { what: 'application', start: 0, end });
    }
    if (options.bootloaderHex !== undefined) {
      placeHexImage(this.flash, options.bootloaderHex, {
        what: 'bootloader',
        start: bootStart,
        end: FLASH_BYTES,
      });
    }
    const startAt = options.startAt ?? (options.bootloaderHex !== undefined ? 'bootloader' : 'app');
    this.bootReset = startAt === 'bootloader';
    this.skipPolling = options.skipPollingLoops ?? true;
    this.coalesceTimers = options.coalesceTimers ?? true;
    this.distance = new DistanceSensors(this.sensorHost());
    this.spm.onFlashChange = () => this.busyLoops.invalidate();
    this.build(0, this.bootReset ? MCUSR_EXTRF : MCUSR_PORF, this.bootReset);
    this.resets = 0;
  }

  get cycles(): number {
    return this.mcu.cpu.cycles;
  }

  get simTimeMs(): number {
    return this.mcu.cpu.cycles / CYCLES_PER_MS;
  }

  /** Advances simulated time by n CPU cycles (slightly more: the last instruction completes). */
  runCycles(n: number): void {
    const end = this.mcu.cpu.cycles + n;
    this.uartRx.pump();
    this.busyLoops.disarm(); // inputs may have changed since the last run
    while (this.mcu.cpu.cycles < end) {
      try {
        this.runUntil(end);
      } catch (error) {
        if (error !== WATCHDOG_RESET) throw error;
        this.watchdogResets++;
        this.build(this.mcu.cpu.cycles, MCUSR_WDRF, this.bootReset);
      }
    }
  }

  runMs(ms: number): void {
    this.runCycles(Math.round(ms * CYCLES_PER_MS));
  }

  /** Queues bytes from the host; each reaches UDR only after the firmware read the previous one. */
  uartWrite(bytes: Uint8Array): void {
    this.uartRx.push(bytes);
  }

  /** Bytes the firmware transmits. Returns an unsubscribe function. */
  onUartTransmit(callback: (byte: number) => void): () => void {
    this.txListeners.add(callback);
    return () => this.txListeners.delete(callback);
  }

  /** Drives a pin from outside (true = 5 V, false = GND, null = released: pull-up or low). */
  setDigitalInput(pin: number, level: boolean | null): void {
    unoPinLocation(pin);
    this.external[pin] = level;
    this.applyInput(pin);
  }

  /** Voltage on analog input A0-A5 (0-5 V; AVCC reference = 5 V). */
  setAnalogVolts(channel: number, volts: number): void {
    if (!Number.isInteger(channel) || channel < 0 || channel > 5)
      throw new RangeError(`channel 0-5, got ${channel}`);
    this.analogVolts[channel] = Math.min(5, Math.max(0, volts));
    this.mcu.adc.channelValues[channel] = this.analogVolts[channel];
  }

  /** Puts an HC-SR04 on `pin` with an object at `cm`; null removes it. */
  setDistanceCm(pin: number, cm: number | null): void {
    unoPinLocation(pin);
    this.distance.set(pin, cm);
  }

  /** Electrical level on the pin: the driven value for outputs, the input level otherwise. */
  pinLevel(pin: number): boolean {
    const { port, bit } = unoPinLocation(pin);
    const io = this.mcu.ports[port];
    return (this.mcu.cpu.data[io.portConfig.PIN] & (1 << bit)) !== 0;
  }

  /** Whether the firmware configured the pin as an output (DDR bit set). */
  pinIsOutput(pin: number): boolean {
    const { port, bit } = unoPinLocation(pin);
    return (this.mcu.cpu.data[this.mcu.ports[port].portConfig.DDR] & (1 << bit)) !== 0;
  }

  /** Measured periodic waveform on an output pin, in µs, or null if it is not toggling. */
  pinWaveform(pin: number): { periodUs: number; highUs: number; duty: number; frequencyHz: number } | null {
    unoPinLocation(pin);
    const wave: PinWaveform | null = this.monitor.waveform(pin, this.mcu.cpu.cycles);
    if (!wave) return null;
    const periodUs = wave.periodCycles / CYCLES_PER_US;
    return {
      periodUs,
      highUs: wave.highCycles / CYCLES_PER_US,
      duty: wave.duty,
      frequencyHz: 1e6 / periodUs,
    };
  }

  snapshot(): PinSnapshot {
    const digital: boolean[] = [];
    const pwmDuty: (number | null)[] = [];
    const servoPulseUs: Record<string, number> = {};
    const toneHz: Record<string, number> = {};
    const { data } = this.mcu.cpu;
    for (let pin = 0; pin < UNO_PIN_COUNT; pin++) {
      const level = this.pinLevel(pin);
      digital.push(level);
      const wave = this.pinWaveform(pin);
      const pwm = isTimerPwmPin(data, pin);
      pwmDuty.push(pwm ? round(wave ? wave.duty : level ? 1 : 0, 4) : null);
      if (!wave) continue;
      if (wave.periodUs >= 5_000 && wave.periodUs <= 40_000 && wave.highUs >= 300 && wave.highUs <= 3_000) {
        servoPulseUs[pin] = round(wave.highUs, 1);
      } else if (
        !pwm &&
        wave.duty >= 0.35 &&
        wave.duty <= 0.65 &&
        wave.frequencyHz >= 20 &&
        wave.frequencyHz <= 20_000
      ) {
        toneHz[pin] = round(wave.frequencyHz, 2);
      }
    }
    const analogVolts = this.analogVolts.map((volts) => round(volts, 3));
    return { simTimeMs: this.simTimeMs, digital, pwmDuty, servoPulseUs, toneHz, analogVolts };
  }

  /**
   * External reset (reset button / DTR): a fresh MCU on the same flash and EEPROM. Bytes still
   * queued for the old MCU are dropped, as on a real chip whose receiver goes off at reset (left
   * over Firmata bytes would otherwise reach the bootloader).
   */
  reset(options: ResetOptions = {}): void {
    this.uartRx.clear();
    this.lineBaud = options.lineBaud;
    this.build(this.mcu.cpu.cycles, MCUSR_EXTRF, options.intoBootloader ?? this.bootReset);
  }

  /** A copy of the 32 KiB flash (to verify what a bootloader wrote). */
  readFlash(): Uint8Array {
    return this.flash.slice();
  }

  stats(): CoreStats {
    return {
      cycles: this.mcu.cpu.cycles,
      sleptCycles: this.sleptCycles,
      pollSkippedCycles: this.busyLoops.skippedCycles,
      resets: this.resets,
      watchdogResets: this.watchdogResets,
      uartRxPending: this.uartRx.pending,
      pageWrites: this.spm.stats.pageWrites,
      lineSpeedLosses: this.lineSpeedLosses,
    };
  }

  /**
   * The hot loop. SLEEP, SPM and friends share the 1001 0101 1xxx 1000 pattern; a short jump
   * backwards may be a polling loop worth skipping.
   */
  private runUntil(end: number): void {
    const cpu = this.mcu.cpu;
    const progMem = this.progMem;
    while (cpu.cycles < end) {
      if (this.sleeping) {
        this.sleepUntilEvent(cpu, end);
        continue;
      }
      const pc = cpu.pc;
      const opcode = progMem[pc];
      if ((opcode & 0xff8f) === 0x9588) this.special(cpu, opcode);
      else avrInstruction(cpu);
      tickAllDue(cpu);
      if (cpu.pc < pc && pc - cpu.pc < 8 && this.skipPolling) this.busyLoops.arrival(cpu, pc, end);
    }
  }

  private special(cpu: CPU, opcode: number): void {
    if (opcode === 0x95e8 || opcode === 0x95f8) {
      this.spm.execute(opcode === 0x95f8);
      cpu.pc++;
      cpu.cycles++;
      return;
    }
    avrInstruction(cpu);
    if (opcode === 0x9588 && cpu.data[SMCR] & 1) {
      this.sleeping = true;
      this.wakePc = cpu.pc;
    }
  }

  /** Asleep: jump to the next clock event (timer, UART, ADC…) instead of spinning. */
  private sleepUntilEvent(cpu: CPU, end: number): void {
    const next = (cpu as unknown as { nextClockEvent: { cycles: number } | null }).nextClockEvent;
    const target = next ? Math.min(next.cycles, end) : end;
    if (target > cpu.cycles) {
      this.sleptCycles += target - cpu.cycles;
      cpu.cycles = target;
    }
    tickAllDue(cpu);
    if (cpu.pc !== this.wakePc) this.sleeping = false; // an interrupt woke the CPU
  }

  /** A byte crossing the line, as the other end reads it (the same byte unless the speeds differ). */
  private acrossLine(byte: number, direction: 'to-mcu' | 'to-host'): number {
    if (this.lineBaud === undefined) return byte;
    const mcuBaud = this.mcu.usart.baudRate;
    if (speedsMatch(mcuBaud, this.lineBaud)) return byte;
    this.lineSpeedLosses++;
    return direction === 'to-mcu'
      ? byteAsReceived(byte, this.lineBaud, mcuBaud)
      : byteAsReceived(byte, mcuBaud, this.lineBaud);
  }

  /**
   * MCUSR flags survive every reset but power-on (only software clears them), so a watchdog
   * reset that the firmware never acknowledged keeps WDRF, and with it the watchdog, running.
   */
  private build(startCycles: number, resetFlag: number, intoBootloader: boolean): void {
    const mcusr = resetFlag === MCUSR_PORF ? MCUSR_PORF : (this.mcu?.cpu.data[MCUSR] ?? 0) | resetFlag;
    this.mcu = buildUnoMcu(this.progMem, this.eeprom, {
      startCycles,
      startWord: intoBootloader ? this.bootWord : 0,
      mcusr,
    });
    const { cpu, usart } = this.mcu;
    if (this.coalesceTimers) coalesceTimerEvents(cpu, this.mcu.timers);
    this.busyLoops.invalidate();
    this.resets++;
    this.sleeping = false;
    cpu.reset = () => {
      throw WATCHDOG_RESET;
    };
    usart.onByteTransmit = (byte) => {
      const received = this.acrossLine(byte, 'to-host');
      for (const listener of this.txListeners) listener(received);
    };
    this.uartRx.attach(cpu, usart, 0xc6, 0xc1, (byte) => this.acrossLine(byte, 'to-mcu'));
    this.spm.attach(cpu);
    this.monitor.clear();
    this.distance.rehost(this.sensorHost());
    this.echo.fill(false);
    for (const port of PORTS) {
      this.lastDriven[port] = 0;
      this.lastPullups[port] = 0;
      const io = this.mcu.ports[port];
      io.addListener((value) => this.portChanged(port, io, value));
    }
    this.analogVolts.forEach((volts, channel) => (this.mcu.adc.channelValues[channel] = volts));
    for (let pin = 0; pin < UNO_PIN_COUNT; pin++) this.applyInput(pin);
  }

  private portChanged(port: UnoPort, io: AVRIOPort, value: number): void {
    const cpu = this.mcu.cpu;
    const ddr = cpu.data[io.portConfig.DDR];
    const driven = value & ddr;
    const changed = driven ^ this.lastDriven[port];
    if (changed) {
      this.lastDriven[port] = driven;
      for (let bit = 0; bit < 8; bit++) {
        if (!(changed & (1 << bit))) continue;
        const pin = unoPinOf(port, bit);
        if (pin < 0) continue;
        const high = (driven & (1 << bit)) !== 0;
        this.monitor.edge(pin, high, cpu.cycles);
        this.distance.outputEdge(pin, high);
      }
    }
    const pullups = value & ~ddr & 0xff;
    const pullupChanged = pullups ^ this.lastPullups[port];
    if (pullupChanged) {
      this.lastPullups[port] = pullups;
      for (let bit = 0; bit < 8; bit++) {
        const pin = unoPinOf(port, bit);
        if (pin >= 0 && pullupChanged & (1 << bit)) this.applyInput(pin);
      }
    }
  }

  /** Input level = echo pulse, else the external drive, else the internal pull-up. */
  private applyInput(pin: number): void {
    const { port, bit } = unoPinLocation(pin);
    const external = this.external[pin];
    const pullup = (this.lastPullups[port] & (1 << bit)) !== 0;
    this.mcu.ports[port].setPin(bit, this.echo[pin] || (external ?? pullup));
  }

  private sensorHost(): DistanceSensorHost {
    return {
      cyclesPerMicro: CYCLES_PER_US,
      cycles: () => this.mcu.cpu.cycles,
      schedule: (fn, cycles) => void this.mcu.cpu.addClockEvent(fn, cycles),
      setEcho: (pin, high) => {
        this.echo[pin] = high;
        this.applyInput(pin);
      },
    };
  }
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
