/**
 * Runs a VirtualUnoCore in the test process, paced to real time on a timer, and exposes its UART
 * as a UartEnd for the pty bridge. In-process (not the worker) so a test can read the flash and
 * pins directly; pacing matters because optiboot gives up after 1 s of simulated silence.
 */
import { readFileSync } from 'node:fs';
import { VirtualUnoCore, type VirtualUnoCoreOptions } from '../../main/virtual-uno/virtual-uno-core';
import type { UartEnd } from './pty-bridge';

export const OPTIBOOT_HEX_PATH =
  '/usr/share/arduino/hardware/arduino/avr/bootloaders/optiboot/optiboot_atmega328.hex';
export const KIT_FIRMWARE_HEX_PATH = new URL('../../firmware/chispa-firmata.hex', import.meta.url);

export interface PacedUno extends UartEnd {
  core: VirtualUnoCore;
  stop(): void;
}

export const startPacedUno = (options: VirtualUnoCoreOptions & { tickMs?: number } = {}): PacedUno => {
  const core = new VirtualUnoCore(options);
  const listeners = new Set<(bytes: Uint8Array) => void>();
  let outgoing: number[] = [];
  core.onUartTransmit((byte) => outgoing.push(byte));
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    // Cap a tick (a stalled event loop) so the MCU never leaps far ahead of the host.
    core.runMs(Math.min(now - last, 100));
    last = now;
    if (outgoing.length) {
      const bytes = Uint8Array.from(outgoing);
      outgoing = [];
      for (const listener of listeners) listener(bytes);
    }
  }, options.tickMs ?? 2);
  return {
    core,
    writeToMcu: (bytes) => core.uartWrite(bytes),
    onMcuBytes(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => clearInterval(timer),
  };
};

export const readOptibootHex = (): string => readFileSync(OPTIBOOT_HEX_PATH, 'utf8');
export const readKitFirmwareHex = (): string => readFileSync(KIT_FIRMWARE_HEX_PATH, 'utf8');
