/** The open probe of 'serial.diagnose' on real ptys: busy vs free vs missing. */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diagnoseSerial, probeOpen } from '../../../main/serial/diagnose';
import { closeQuietly, openSerialPort, classifyOpenError } from '../../../main/serial/open-port';
import { createPtyPair, ptyDeviceDirs, socatMissingReason, type PtyPair } from '../../helpers/pty-bridge';

const skipReason = socatMissingReason();
if (skipReason) console.log(`[skip] ${skipReason}`);

describe('open errors', () => {
  it('classifies EACCES vs EBUSY vs a lock held elsewhere vs ENOENT', () => {
    expect(
      classifyOpenError({ code: 'EACCES', message: 'Permission denied, cannot open /dev/ttyUSB0' }),
    ).toBe('serial.permission-denied');
    expect(classifyOpenError({ message: 'Error: Resource temporarily unavailable Cannot lock port' })).toBe(
      'serial.port-busy',
    );
    expect(classifyOpenError({ code: 'EBUSY', message: 'Device or resource busy' })).toBe('serial.port-busy');
    expect(classifyOpenError({ message: 'Opening COM4: Access denied' })).toBe('serial.port-busy');
    expect(classifyOpenError({ message: 'Error: No such file or directory, cannot open /dev/ttyUSB7' })).toBe(
      'serial.port-not-found',
    );
    expect(classifyOpenError({ message: 'weird' })).toBe('serial.open-failed');
  });
});

describe.skipIf(skipReason !== null)('diagnose probes a real pty', () => {
  let pty: PtyPair | null = null;
  afterEach(async () => {
    await pty?.dispose();
    pty = null;
  });

  it('tells a free port, a port held by another program and a missing port apart', async () => {
    pty = await createPtyPair();
    expect(await probeOpen(pty.appPath, ptyDeviceDirs)).toBe('ok');
    const holder = await openSerialPort(pty.appPath, 57600, ptyDeviceDirs);
    expect(await probeOpen(pty.appPath, ptyDeviceDirs)).toBe('busy');
    const findings = await diagnoseSerial({
      path: pty.appPath,
      deviceDirs: ptyDeviceDirs,
      listing: { ports: [], problemKey: null },
      ownedByChispa: false,
    });
    expect(findings.find((finding) => finding.id === 'port-open')).toMatchObject({
      status: 'problem',
      guideAnchor: 'port-busy',
    });
    await closeQuietly(holder);
    await pty.unplug();
    expect(await probeOpen(pty.appPath, ptyDeviceDirs)).toBe('missing');
  });

  // EACCES needs a user without rights to the device: as root, open it as "nobody".
  if (process.getuid?.() !== 0) {
    console.log('[skip] permission-denied probe: needs root to drop to the "nobody" user');
  }
  it.skipIf(process.getuid?.() !== 0)(
    'classifies the real permission-denied error of a user without rights',
    async () => {
      pty = await createPtyPair();
      const dir = mkdtempSync(join(tmpdir(), 'chispa-eacces-'));
      const script = join(dir, 'open-as.mjs');
      writeFileSync(
        script,
        // Load serialport as root (the checkout may sit in a folder "nobody" cannot read), then
        // drop to "nobody" before opening the port.
        `const { SerialPort } = await import(process.argv[2]);
process.setgid(65534);
process.setuid(65534);
const port = new SerialPort({ path: process.argv[3], baudRate: 57600, lock: true, autoOpen: false });
port.open((error) => { console.log(JSON.stringify({ code: error?.code ?? null, message: error?.message ?? null })); process.exit(0); });`,
      );
      chmodSync(dir, 0o755);
      chmodSync(script, 0o644);
      const serialportEntry = createRequire(import.meta.url).resolve('serialport');
      const run = spawnSync(process.execPath, [script, serialportEntry, pty.appPath], {
        encoding: 'utf8',
        cwd: dir,
      });
      expect(run.stderr).toBe('');
      const reported = JSON.parse(run.stdout.trim()) as { code: string | null; message: string | null };
      expect(reported.message).toMatch(/Permission denied/);
      expect(classifyOpenError(reported)).toBe('serial.permission-denied');
    },
  );
});
