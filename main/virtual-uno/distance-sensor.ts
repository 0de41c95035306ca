/**
 * HC-SR04 ultrasonic sensor wired the way johnny-five's PingFirmata expects: trigger and echo
 * on the SAME pin. The firmware drives the pin HIGH for a few µs (trigger), drives it LOW and
 * turns it into an input; ~0.45 ms later the sensor drives the echo HIGH for the round-trip
 * time of sound: µs = cm * 2 / 0.0343 (343 m/s), i.e. ~58.3 µs per cm.
 */

export const ECHO_DELAY_US = 450;
/** Trigger pulses shorter than this are ignored (the real sensor needs 10 µs; PingFirmata sends 5). */
const MIN_TRIGGER_US = 2;

export function echoMicros(cm: number): number {
  return (cm * 2) / 0.0343;
}

export interface DistanceSensorHost {
  /** CPU cycles per µs (16 at 16 MHz). */
  cyclesPerMicro: number;
  cycles(): number;
  /** Runs fn after the given number of cycles of simulated time. */
  schedule(fn: () => void, cycles: number): void;
  /** Drives the echo level on the pin (seen when the pin is an input). */
  setEcho(pin: number, high: boolean): void;
}

export class DistanceSensors {
  private readonly cm = new Map<number, number>();
  private readonly triggerStart = new Map<number, number>();
  private readonly busy = new Set<number>();

  constructor(private host: DistanceSensorHost) {}

  /** Places an object at `cm` in front of the sensor on `pin`; null removes the sensor. */
  set(pin: number, cm: number | null): void {
    if (cm === null) this.cm.delete(pin);
    else this.cm.set(pin, cm);
  }

  has(pin: number): boolean {
    return this.cm.has(pin);
  }

  /** After an MCU rebuild: pending echoes belonged to the old MCU. */
  rehost(host: DistanceSensorHost): void {
    this.host = host;
    this.busy.clear();
    this.triggerStart.clear();
  }

  /** Called on every change of the pin's driven output level. */
  outputEdge(pin: number, high: boolean): void {
    if (!this.cm.has(pin) || this.busy.has(pin)) return;
    const now = this.host.cycles();
    if (high) {
      this.triggerStart.set(pin, now);
      return;
    }
    const start = this.triggerStart.get(pin);
    this.triggerStart.delete(pin);
    if (start === undefined || now - start < MIN_TRIGGER_US * this.host.cyclesPerMicro) return;
    const { cyclesPerMicro } = this.host;
    const widthCycles = Math.round(echoMicros(this.cm.get(pin) ?? 0) * cyclesPerMicro);
    this.busy.add(pin);
    this.host.schedule(() => {
      this.host.setEcho(pin, true);
      this.host.schedule(() => {
        this.host.setEcho(pin, false);
        this.busy.delete(pin);
      }, widthCycles);
    }, ECHO_DELAY_US * cyclesPerMicro);
  }
}
