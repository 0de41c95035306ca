/**
 * SPM (self-programming) for the ATmega328P, which avr8js 0.21 does not implement: a write hook
 * on SPMCSR (0x57) arms an operation for 4 cycles and the core calls execute() when the CPU
 * reaches an SPM opcode. Supports page-buffer fill, page erase, page write (programming can only
 * clear bits, as on the real chip), RWWSRE and ~4 ms of busy time during which SPMEN and RWWSB
 * stay set (what boot_spm_busy_wait() and boot_rww_busy() poll). Lock bits and signature reads are
 * accepted and ignored.
 */
import type { CPU } from 'avr8js';

export const SPMCSR = 0x57;
const SPMEN = 0x01;
const PGERS = 0x02;
const PGWRT = 0x04;
const BLBSET = 0x08;
const RWWSRE = 0x10;
const SIGRD = 0x20;
const RWWSB = 0x40;

export const PAGE_BYTES = 128;
/** Start of the No-Read-While-Write section (last 4 KiB of a 32 KiB part). */
const NRWW_START = 0x7000;
const BUSY_MS = 4;

export interface SelfProgrammingStats {
  pageErases: number;
  pageWrites: number;
}

export class SelfProgramming {
  private cpu!: CPU;
  private armedUntil = -1;
  private readonly pageBuffer = new Uint8Array(PAGE_BYTES).fill(0xff);
  private busyUntil = -1;
  readonly stats: SelfProgrammingStats = { pageErases: 0, pageWrites: 0 };
  /** Called after a page erase or write (code caches must forget that page). */
  onFlashChange: (() => void) | null = null;

  private readonly finishBusy = (): void => {
    this.cpu.data[SPMCSR] &= ~SPMEN;
  };

  constructor(
    private readonly flash: Uint8Array,
    private readonly clockHz: number,
  ) {}

  /** Hooks a (new) MCU; the page buffer is cleared as on reset. */
  attach(cpu: CPU): void {
    this.cpu = cpu;
    this.armedUntil = -1;
    this.busyUntil = -1;
    this.pageBuffer.fill(0xff);
    cpu.writeHooks[SPMCSR] = (value, oldValue) => {
      if (cpu.cycles < this.busyUntil) return true; // writes are ignored while an operation runs
      cpu.data[SPMCSR] = (value & ~RWWSB) | (oldValue & RWWSB);
      this.armedUntil = value & SPMEN ? cpu.cycles + 4 : -1;
      return true;
    };
  }

  /** Runs the SPM instruction at the current PC (the caller advances PC and cycles). */
  execute(postIncrement: boolean): void {
    const { cpu } = this;
    const csr = cpu.data[SPMCSR];
    const z = cpu.dataView.getUint16(30, true);
    if (csr & SPMEN && cpu.cycles <= this.armedUntil) {
      this.armedUntil = -1;
      const op = csr & (PGERS | PGWRT | BLBSET | RWWSRE | SIGRD);
      const page = z & ~(PAGE_BYTES - 1) & (this.flash.length - 1);
      if (op === 0) {
        const offset = z & (PAGE_BYTES - 2);
        this.pageBuffer[offset] = cpu.data[0];
        this.pageBuffer[offset + 1] = cpu.data[1];
        cpu.data[SPMCSR] &= ~SPMEN;
      } else if (op === PGERS) {
        this.flash.fill(0xff, page, page + PAGE_BYTES);
        this.stats.pageErases++;
        this.onFlashChange?.();
        this.startBusy(page);
      } else if (op === PGWRT) {
        for (let i = 0; i < PAGE_BYTES; i++) this.flash[page + i] &= this.pageBuffer[i];
        this.pageBuffer.fill(0xff);
        this.stats.pageWrites++;
        this.onFlashChange?.();
        this.startBusy(page);
      } else if (op === RWWSRE) {
        cpu.data[SPMCSR] &= ~(SPMEN | RWWSB);
      } else {
        cpu.data[SPMCSR] &= ~SPMEN; // BLBSET / SIGRD: nothing to model
      }
    }
    if (postIncrement) cpu.dataView.setUint16(30, (z + 1) & 0xffff, true);
  }

  private startBusy(page: number): void {
    const { cpu } = this;
    const cycles = Math.round((this.clockHz / 1000) * BUSY_MS);
    this.busyUntil = cpu.cycles + cycles;
    if (page < NRWW_START) cpu.data[SPMCSR] |= RWWSB;
    cpu.addClockEvent(this.finishBusy, cycles);
  }
}
