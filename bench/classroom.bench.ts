/**
 * Live class with 30 simulated student PCs (bench/classroom/simulated-pcs.ts, another process, as
 * the PCs are on the network): the time from a PC reporting a new step to the instructor's grid
 * showing it (p50, p95; it includes one pipe hop to tell the PC to move), and the instructor
 * process's CPU and memory while the 30 PCs move one step every 2 s each on average.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openClassHost, type ClassView } from '../main/classroom/class-host';

const pcs = 30;
const rounds = 600;
const dir = mkdtempSync(join(tmpdir(), 'chispa-class-bench-'));
let latest: ClassView | null = null;
const waiters: Array<() => void> = [];
const host = await openClassHost({
  address: '127.0.0.1',
  stateFile: join(dir, 'class.json'),
  names: async () => [],
  onChange: (view) => {
    latest = view;
    for (const wake of waiters.splice(0)) wake();
  },
});
const { port, code } = host.view();
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    join(import.meta.dirname, 'classroom', 'simulated-pcs.ts'),
    String(port),
    code,
    String(pcs),
  ],
  {
    stdio: ['pipe', 'pipe', 'inherit'],
  },
);
const lines = createInterface({ input: child.stdout });
const nextLine = () => new Promise<string>((resolve) => lines.once('line', resolve));
if ((await nextLine()) !== 'joined') throw new Error('the simulated PCs did not join');
while (host.view().pending.length < pcs) await new Promise((r) => setTimeout(r, 20));
for (const pc of host.view().pending) host.admit(pc.pcId);
if ((await nextLine()) !== 'ready') throw new Error('the simulated PCs were not admitted');
const pcIds = host.view().pcs.map((pc) => pc.pcId);

const shows = (index: number, step: number) =>
  latest?.pcs.find((pc) => pc.pcName === `PC-${String(index + 1).padStart(2, '0')}`)?.status?.step === step;
const latencies: number[] = [];
const cpuStart = process.cpuUsage();
const wallStart = performance.now();
let peakRss = 0;
for (let round = 0; round < rounds; round++) {
  const index = round % pcs;
  const step = 1 + Math.floor(round / pcs);
  const started = performance.now();
  child.stdin.write(`${index} ${step}\n`);
  while (!shows(index, step)) await new Promise<void>((resolve) => waiters.push(resolve));
  latencies.push(performance.now() - started);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  // 30 PCs, each moving every ~2 s on average: one update every ~66 ms.
  await new Promise((r) => setTimeout(r, 66));
}
const cpu = process.cpuUsage(cpuStart);
const wallMs = performance.now() - wallStart;
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
console.log(`bench: classroom.grid-update.${pcs}pcs.p50 = ${at(0.5).toFixed(1)} ms`);
console.log(`bench: classroom.grid-update.${pcs}pcs.p95 = ${at(0.95).toFixed(1)} ms`);
console.log(
  `bench: classroom.instructor.cpu.${pcs}pcs = ${(((cpu.user + cpu.system) / 1000 / wallMs) * 100).toFixed(1)} % of one core`,
);
console.log(`bench: classroom.instructor.rss.${pcs}pcs = ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
console.log(`bench: classroom.admitted = ${pcIds.length} pcs`);
child.stdin.end();
await host.close();
child.kill();
rmSync(dir, { recursive: true, force: true });
