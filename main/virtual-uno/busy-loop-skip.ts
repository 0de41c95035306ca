/**
 * Skips polling loops such as `while (!(UCSR0A & _BV(RXC0)));`, which is how optiboot waits for
 * each byte and how firmware waits for UDRE, ADSC or SPMEN. A short backward loop qualifies when
 * its instructions cannot write memory, have no side effects and read no register avr8js
 * computes on read (TCNT, UDR), and two consecutive passes left r0-r31 and SREG identical with
 * no clock event or interrupt in between: then every further pass is identical until the next
 * clock event, so time jumps ahead by whole loop periods to just before it. The loop then
 * continues normally and sees the event at the same cycle a step-by-step run would.
 */
import type { CPU } from 'avr8js';

const MAX_LOOP_WORDS = 8;
const SREG = 95;

interface ClockEvent {
  cycles: number;
}

export class BusyLoopSkipper {
  /** Per jump instruction (word address): 0 unknown, 1 pure polling loop, -1 not skippable. */
  private readonly verdict: Int8Array;
  /** Loop length in words per jump instruction (bounds the cycles one pass can take). */
  private readonly loopWords: Int8Array;
  private readonly registers = new Uint8Array(33);
  private armedTail = -1;
  private armedCycles = 0;
  private armedEvent: ClockEvent | null = null;
  private armedEventCycles = 0;
  skippedCycles = 0;

  constructor(private readonly progMem: Uint16Array) {
    this.verdict = new Int8Array(progMem.length);
    this.loopWords = new Int8Array(progMem.length);
  }

  /** Call after flash changes (SPM) and on MCU rebuild. */
  invalidate(): void {
    this.verdict.fill(0);
    this.armedTail = -1;
  }

  /** Forget the last pass: inputs may have changed from outside (call when a run starts). */
  disarm(): void {
    this.armedTail = -1;
  }

  /** The CPU just jumped back from `tail` to cpu.pc (within a few words). */
  arrival(cpu: CPU, tail: number, end: number): void {
    let verdict = this.verdict[tail];
    if (verdict === 0) {
      verdict = this.verdict[tail] = this.isPure(cpu, cpu.pc, tail) ? 1 : -1;
      this.loopWords[tail] = tail - cpu.pc + 1;
    }
    if (verdict < 0) return;
    const next = (cpu as unknown as { nextClockEvent: ClockEvent | null }).nextClockEvent;
    const data = cpu.data;
    if (
      this.armedTail === tail &&
      next === this.armedEvent &&
      (next ? next.cycles : -1) === this.armedEventCycles &&
      this.sameRegisters(data) &&
      !(cpu.interruptsEnabled && cpu.nextInterrupt >= 0)
    ) {
      const period = cpu.cycles - this.armedCycles;
      const target = next ? Math.min(next.cycles, end) : end;
      // A pass is at most 3 cycles per word; a longer gap means the CPU went elsewhere in between.
      const plausible = period > 0 && period <= 3 * this.loopWords[tail];
      // Land strictly before the event, so the instruction that crosses it is the same one a
      // step-by-step run would execute (the event then fires after it, at the same cycle count).
      const passes = plausible ? Math.floor((target - 1 - cpu.cycles) / period) : 0;
      if (passes > 0) {
        cpu.cycles += passes * period;
        this.skippedCycles += passes * period;
      }
      this.armedCycles = cpu.cycles;
      return;
    }
    this.armedTail = tail;
    this.armedCycles = cpu.cycles;
    this.armedEvent = next;
    this.armedEventCycles = next ? next.cycles : -1;
    this.registers.set(data.subarray(0, 32));
    this.registers[32] = data[SREG];
  }

  private sameRegisters(data: Uint8Array): boolean {
    const registers = this.registers;
    for (let i = 0; i < 32; i++) if (registers[i] !== data[i]) return false;
    return registers[32] === data[SREG];
  }

  /** Static check of the loop body [head, tail]: register-only work and side-effect-free reads. */
  private isPure(cpu: CPU, head: number, tail: number): boolean {
    if (tail - head >= MAX_LOOP_WORDS) return false;
    const plainRead = (address: number) => !cpu.readHooks[address];
    for (let pc = head; pc <= tail; pc++) {
      const op = this.progMem[pc];
      if (op <= 0x7fff) continue; // NOP, MOVW, MUL*, ALU register-register, CPI/SBCI/SUBI/ORI/ANDI
      if (op >= 0xe000) continue; // LDI, BRBS/BRBC, BLD/BST, SBRC/SBRS
      if ((op & 0xf000) === 0xc000) continue; // RJMP
      if ((op & 0xfe0f) === 0x9000) {
        // LDS Rd, k (two words)
        if (!plainRead(this.progMem[pc + 1])) return false;
        pc++;
        continue;
      }
      if ((op & 0xf800) === 0xb000) {
        // IN Rd, A
        if (!plainRead((((op & 0x600) >> 5) | (op & 0xf)) + 0x20)) return false;
        continue;
      }
      if ((op & 0xfd00) === 0x9900) {
        // SBIC / SBIS A, b
        if (!plainRead(((op & 0xf8) >> 3) + 0x20)) return false;
        continue;
      }
      if ((op & 0xfe00) === 0x9400 && [0, 1, 2, 3, 5, 6, 7, 10].includes(op & 0xf)) continue; // COM…DEC
      if ((op & 0xfe00) === 0x9600) continue; // ADIW / SBIW
      return false;
    }
    return true;
  }
}
