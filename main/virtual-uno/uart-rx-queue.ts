/**
 * Host → MCU serial bytes. avr8js's USART has no receive FIFO: a byte written while UDR still
 * holds an unread one overwrites it. This queue delivers the next byte only after the firmware
 * has read UDR, and never faster than the wire would (one character time per byte), so no byte
 * is lost however fast the host writes. Bytes wait while the receiver is disabled (e.g. during
 * boot) and are delivered once the firmware enables it.
 */
import type { AVRUSART, CPU } from 'avr8js';

/** Cap on bytes waiting for the firmware; beyond it the oldest are dropped (a stuck MCU). */
const MAX_QUEUED = 1 << 16;
const UCSRA = 0xc0;
const UCSRA_RXC = 0x80;

export class UartRxQueue {
  private queue: number[] = [];
  private head = 0;
  private cpu!: CPU;
  private usart!: AVRUSART;
  /** Cycle at which the last byte finished arriving. */
  private lastArrival = -Infinity;
  private scheduled = false;
  private asReceived: (byte: number) => number = (byte) => byte;
  dropped = 0;

  private readonly deliver = (): void => {
    this.scheduled = false;
    this.pump();
  };

  /**
   * Hooks a (new) MCU. Call after every rebuild; queued bytes survive. `asReceived` turns a byte
   * the host sent into what the UART reads now (another byte when the speeds differ).
   */
  attach(
    cpu: CPU,
    usart: AVRUSART,
    udrAddress: number,
    ucsrbAddress: number,
    asReceived: (byte: number) => number = (byte) => byte,
  ): void {
    this.cpu = cpu;
    this.usart = usart;
    this.asReceived = asReceived;
    this.scheduled = false;
    this.lastArrival = -Infinity;
    const readUdr = cpu.readHooks[udrAddress];
    cpu.readHooks[udrAddress] = (addr) => {
      const value = readUdr(addr);
      this.pump();
      return value;
    };
    const writeUcsrb = cpu.writeHooks[ucsrbAddress];
    cpu.writeHooks[ucsrbAddress] = (value, old, addr, mask) => {
      const handled = writeUcsrb(value, old, addr, mask);
      this.pump();
      return handled;
    };
  }

  push(bytes: Uint8Array): void {
    for (const byte of bytes) this.queue.push(byte);
    const excess = this.queue.length - this.head - MAX_QUEUED;
    if (excess > 0) {
      this.head += excess;
      this.dropped += excess;
    }
    this.pump();
  }

  get pending(): number {
    return this.queue.length - this.head;
  }

  clear(): void {
    this.queue = [];
    this.head = 0;
  }

  /** Delivers the next byte if the receiver is enabled and UDR is free, at wire pace. */
  pump(): void {
    if (this.scheduled || this.head >= this.queue.length) return;
    const { cpu, usart } = this;
    if (!cpu || !usart.rxEnable || cpu.data[UCSRA] & UCSRA_RXC) return;
    // cyclesPerChar is private in the typings but stable: one character time at the current baud.
    const due = this.lastArrival + (usart as unknown as { cyclesPerChar: number }).cyclesPerChar;
    if (cpu.cycles < due) {
      this.scheduled = true;
      cpu.addClockEvent(this.deliver, due - cpu.cycles);
      return;
    }
    const byte = this.queue[this.head++];
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    this.lastArrival = cpu.cycles;
    usart.writeByte(this.asReceived(byte), true);
  }
}
