/**
 * How long the staff PIN throttle makes a brute force of the whole PIN space: the real throttle
 * (file-backed, serialised, counted before the check) with a simulated clock that jumps to the
 * end of each lockout, plus the measured time of one real scrypt check per attempt.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../common/ipc/app-error';
import { hashPin, verifyPin } from '../main/attendance/pin-hash';
import { createPinThrottle } from '../main/attendance/pin-throttle';

const dayMs = 86_400_000;
const root = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'chispa-pin-bench-'));

const checkMs = async (): Promise<number> => {
  const stored = await hashPin('24681357');
  const rounds = 10;
  const start = performance.now();
  for (let i = 0; i < rounds; i++) await verifyPin(String(1000 + i), stored);
  return (performance.now() - start) / rounds;
};

/** Simulated time to try `count` wrong PINs through the throttle, waiting out every lockout. */
const bruteForceMs = async (count: number, perCheckMs: number): Promise<{ ms: number; steadyMs: number }> => {
  let clock = 0;
  const throttle = createPinThrottle(join(root, `attempts-${count}.json`), { now: () => clock });
  let lastStep = 0;
  for (let tried = 0; tried < count; tried++) {
    // Every lockout is waited out first, so each attempt here is checked (and fails).
    await throttle
      .attempt(async () => null)
      .catch((error: AppError) => {
        if (!error.code.startsWith('staff.pin-')) throw error;
      });
    const wait = throttle.lockedOutMs();
    lastStep = perCheckMs + wait;
    clock += lastStep;
  }
  return { ms: clock, steadyMs: lastStep };
};

const perCheck = await checkMs();
const four = await bruteForceMs(10_000, perCheck);
console.log(`bench: staff.pin.check = ${perCheck.toFixed(1)} ms`);
console.log(`bench: staff.pin.bruteforce.4-digit = ${(four.ms / dayMs).toFixed(1)} days`);
// Beyond the first few failures every attempt waits the capped lockout, so longer PINs scale linearly.
const years = (count: number) => (four.ms + (count - 10_000) * four.steadyMs) / (365 * dayMs);
console.log(`bench: staff.pin.bruteforce.6-digit = ${years(1e6).toFixed(1)} years`);
console.log(`bench: staff.pin.bruteforce.8-digit = ${years(1e8).toFixed(0)} years`);
rmSync(root, { recursive: true, force: true });
