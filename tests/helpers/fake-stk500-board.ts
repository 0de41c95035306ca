/**
 * A scripted STK500v1 bootloader for tests that must control what the chip says (another
 * signature) or watch exactly which commands arrive. It behaves like optiboot on the wire; the
 * real optiboot on the virtual Uno is used for everything else.
 */
export interface FakeStk500Options {
  signature?: [number, number, number];
  flashBytes?: number;
}

/** Bytes each command carries after its command byte, before CRC_EOP (PROG_PAGE adds its data). */
const ARG_BYTES: Record<number, number> = {
  0x30: 0,
  0x41: 1,
  0x42: 20,
  0x45: 5,
  0x50: 0,
  0x51: 0,
  0x55: 2,
  0x56: 4,
  0x64: 3,
  0x74: 3,
  0x75: 0,
};

export class FakeStk500Board {
  readonly flash: Uint8Array;
  /** Command bytes received, in order (0x30 GET_SYNC, 0x64 PROG_PAGE…). */
  readonly commands: number[] = [];
  private readonly signature: [number, number, number];
  private pending: number[] = [];
  private address = 0;

  constructor(
    private readonly send: (bytes: Uint8Array) => void,
    options: FakeStk500Options = {},
  ) {
    this.signature = options.signature ?? [0x1e, 0x95, 0x0f];
    this.flash = new Uint8Array(options.flashBytes ?? 32768).fill(0xff);
  }

  /** Whether any command that changes flash arrived. */
  get wroteAnything(): boolean {
    return this.commands.some((command) => command === 0x64 || command === 0x56);
  }

  receive(bytes: Uint8Array): void {
    for (const byte of bytes) {
      this.pending.push(byte);
      this.tryCommand();
    }
  }

  private expectedLength(): number | null {
    const command = this.pending[0];
    const args = ARG_BYTES[command];
    if (args === undefined) return 2;
    if (command === 0x64) {
      if (this.pending.length < 3) return null;
      return 1 + 3 + ((this.pending[1] << 8) | this.pending[2]) + 1;
    }
    return 1 + args + 1;
  }

  private tryCommand(): void {
    if (ARG_BYTES[this.pending[0]] === undefined) {
      this.pending = []; // junk between commands: optiboot would ignore it too
      return;
    }
    const length = this.expectedLength();
    if (length === null || this.pending.length < length) return;
    const frame = this.pending.slice(0, length);
    this.pending = this.pending.slice(length);
    if (frame[frame.length - 1] !== 0x20) {
      this.send(Uint8Array.of(0x15));
      return;
    }
    const command = frame[0];
    this.commands.push(command);
    const reply = (data: number[] = []): void => this.send(Uint8Array.from([0x14, ...data, 0x10]));
    switch (command) {
      case 0x41:
        return reply([4]);
      case 0x55:
        this.address = (frame[1] | (frame[2] << 8)) * 2;
        return reply();
      case 0x56:
        return reply([0]);
      case 0x64:
        this.flash.set(frame.slice(4, -1), this.address);
        return reply();
      case 0x74: {
        const count = (frame[1] << 8) | frame[2];
        return reply(Array.from(this.flash.subarray(this.address, this.address + count)));
      }
      case 0x75:
        return reply(this.signature);
      default:
        return reply();
    }
  }
}
