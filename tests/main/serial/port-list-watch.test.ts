import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPortLister, scanDevForSerialPorts } from '../../../main/serial/port-lister';
import { createPortWatcher } from '../../../main/serial/port-watcher';
import { createPortOwnership } from '../../../main/serial/port-ownership';
import { AppError } from '../../../common/ipc/app-error';
import type { RawPortInfo } from '../../../common/serial/recognise-port';
import { isTypedPortPath, maxTypedPorts } from '../../../common/serial/typed-port-path';

const udevadmStandIn = fileURLToPath(new URL('../../helpers/udevadm-standin', import.meta.url));

describe('port listing', () => {
  it('recognises what the real serialport list() returns on this machine, without throwing', async () => {
    const listing = await createPortLister()();
    expect(Array.isArray(listing.ports)).toBe(true);
    for (const port of listing.ports) expect(port.labelKey).toMatch(/^serial\.port\.kind\./);
  });

  // Lab PCs have udev (the test command installs it); this runs serialport's real udev path
  // against a recorded udev database whether or not this machine has udevadm, so neither the
  // with-udev nor the without-udev state can break unseen.
  it('recognises boards from udev through the real list(), with no problem reported', async () => {
    const saved = process.env.PATH;
    process.env.PATH = `${udevadmStandIn}:${saved ?? ''}`;
    const errors: unknown[] = [];
    try {
      const listing = await createPortLister({ onError: (error) => errors.push(error) })();
      expect(errors).toEqual([]);
      expect(listing.problemKey).toBeNull();
      const byPath = new Map(listing.ports.map((port) => [port.path, port]));
      expect(byPath.get('/dev/ttyACM0')?.labelKey).toMatch(/uno/i);
      expect(byPath.get('/dev/ttyUSB0')?.labelKey).toMatch(/ch340/i);
      expect(byPath.has('/dev/input/event3')).toBe(false);
    } finally {
      process.env.PATH = saved;
    }
  });

  it('survives the real list() rejecting when udevadm is missing', async () => {
    const saved = process.env.PATH;
    process.env.PATH = '/nonexistent-chispa';
    const errors: unknown[] = [];
    try {
      const listing = await createPortLister({
        onError: (error) => errors.push(error),
        scanDev: async () => [],
      })();
      expect(listing).toEqual({ ports: [], problemKey: 'serial.list.failed' });
    } finally {
      process.env.PATH = saved;
    }
    expect(String(errors[0])).toMatch(/udevadm/);
  });

  it('survives a failing list (no udevadm): falls back to /dev names and says so', async () => {
    const dev = mkdtempSync(join(tmpdir(), 'chispa-dev-'));
    for (const name of ['ttyUSB0', 'ttyACM3', 'tty1', 'null']) writeFileSync(join(dev, name), '');
    const errors: unknown[] = [];
    const lister = createPortLister({
      listRaw: () => Promise.reject(new Error('spawn udevadm ENOENT')),
      scanDev: () => scanDevForSerialPorts(dev),
      onError: (error) => errors.push(error),
    });
    const listing = await lister();
    expect(listing.problemKey).toBe('serial.list.partial');
    expect(listing.ports.map((port) => port.path).sort()).toEqual([
      join(dev, 'ttyACM3'),
      join(dev, 'ttyUSB0'),
    ]);
    expect(errors).toHaveLength(1);
    rmSync(dev, { recursive: true });
    const nothing = await createPortLister({
      listRaw: () => Promise.reject(new Error('x')),
      scanDev: async () => [],
    })();
    expect(nothing).toEqual({ ports: [], problemKey: 'serial.list.failed' });
  });
});

describe('port watcher', () => {
  it('reports plug and unplug by diffing listings, and watches typed paths', async () => {
    let raw: RawPortInfo[] = [{ path: '/dev/ttyS0' }];
    const present = new Set<string>();
    const watcher = createPortWatcher({
      list: createPortLister({ listRaw: async () => raw }),
      pathExists: (path) => present.has(path),
    });
    const changes: string[] = [];
    watcher.onChange((_listing, diff) => {
      changes.push(
        ...diff.added.map((port) => `+${port.path}:${port.name}`),
        ...diff.removed.map((port) => `-${port.path}`),
      );
    });
    await watcher.refresh();
    raw = [{ path: '/dev/ttyS0' }, { path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523' }];
    await watcher.refresh();
    raw = [{ path: '/dev/ttyS0' }];
    await watcher.refresh();
    watcher.addManualPath('/tmp/pty/app');
    present.add('/tmp/pty/app');
    const withManual = await watcher.refresh();
    expect(withManual.ports.find((port) => port.path === '/tmp/pty/app')?.manual).toBe(true);
    present.delete('/tmp/pty/app');
    await watcher.refresh();
    expect(changes).toEqual([
      '+/dev/ttyUSB0:Uno/Nano compatible (CH340)',
      '-/dev/ttyUSB0',
      '+/tmp/pty/app:Port typed by hand',
      '-/tmp/pty/app',
    ]);
  });

  it('watches only the latest few typed paths, however many are sent (each refresh checks them all)', async () => {
    const checked: string[] = [];
    const watcher = createPortWatcher({
      list: async () => ({ ports: [], problemKey: null }),
      pathExists: (path) => {
        checked.push(path);
        return true;
      },
    });
    for (let i = 0; i < 100_000; i++) watcher.addManualPath(`/dev/ttyUSB${i}`);
    watcher.addManualPath('/dev/ttyUSB99990'); // typed again: the newest now
    const listing = await watcher.refresh();
    expect(checked).toHaveLength(maxTypedPorts);
    expect(listing.ports.map((port) => port.path)).toContain('/dev/ttyUSB99999');
    expect(listing.ports.map((port) => port.path)).toContain('/dev/ttyUSB99990');
    expect(listing.ports.map((port) => port.path)).not.toContain('/dev/ttyUSB0');
  });

  it('takes as typed ports only names serial devices have, or links in the device folders set at start', () => {
    for (const path of [
      '/dev/ttyUSB0',
      '/dev/ttyACM1',
      '/dev/ttyS0',
      '/dev/cu.usbserial-1420',
      '/dev/tty.wchusbserial14230',
      '/dev/serial/by-id/usb-1a86_USB2.0-Serial-if00-port0',
      '/dev/ttyAMA0',
      '/dev/rfcomm0',
      'COM3',
      'com12',
      '\\\\.\\COM15',
    ])
      expect(isTypedPortPath(path), path).toBe(true);
    for (const path of [
      '/etc/passwd',
      '../../../../etc/passwd',
      '/dev/ttyUSB0/../../etc/passwd',
      '/dev/../etc/passwd',
      '/dev/serial/by-id/../../../etc/shadow',
      '//dev/ttyUSB0',
      '/dev/sda',
      '/home/ana/chispa.sqlite',
      'C:\\Windows\\win.ini',
      'COM0',
      `/dev/tty${'x'.repeat(300)}`,
      // Terminals: the one the app was started from would lose its keystrokes to Chispa.
      '/dev/pts/3',
      '/dev/tty',
      '/dev/tty1',
      '/dev/ttys003',
      '/dev/ttyp0',
    ])
      expect(isTypedPortPath(path), path).toBe(false);
    expect(isTypedPortPath('/srv/bridges/pair-1/app', ['/srv/bridges'])).toBe(true);
    expect(isTypedPortPath('/srv/bridges/app', ['/srv/bridges/'])).toBe(true);
    expect(isTypedPortPath('/srv/bridges/../etc/passwd', ['/srv/bridges'])).toBe(false);
    expect(isTypedPortPath('/srv/bridges/a/b/c', ['/srv/bridges'])).toBe(false);
    expect(isTypedPortPath('/srv/bridgesX/app', ['/srv/bridges'])).toBe(false);
  });

  it('keeps polling when a listing fails', async () => {
    let calls = 0;
    const watcher = createPortWatcher({
      intervalMs: 20,
      list: createPortLister({
        listRaw: async () => {
          calls += 1;
          if (calls % 2) throw new Error('udevadm died');
          return [];
        },
        scanDev: async () => [],
      }),
    });
    watcher.start();
    await new Promise((resolve) => setTimeout(resolve, 150));
    watcher.stop();
    expect(calls).toBeGreaterThan(3);
  });
});

describe('port ownership', () => {
  it('has one owner per port: a run may use a connected board; flashing needs a free port', () => {
    const ownership = createPortOwnership();
    const connected = ownership.claim('/dev/ttyUSB0', 'connected');
    ownership.setRunning('/dev/ttyUSB0', true);
    expect(ownership.ownerOf('/dev/ttyUSB0')).toBe('running');
    const refused = (() => {
      try {
        ownership.claim('/dev/ttyUSB0', 'flashing');
      } catch (error) {
        return error;
      }
    })() as AppError;
    expect(refused).toBeInstanceOf(AppError);
    expect(refused.code).toBe('serial.port-owned');
    expect(refused.messageKey).toBe('error.serial.port-owned.running');
    ownership.setRunning('/dev/ttyUSB0', false);
    expect(ownership.ownerOf('/dev/ttyUSB0')).toBe('connected');
    expect(() => ownership.claim('/dev/ttyUSB0', 'flashing')).toThrow(AppError);
    connected.release();
    const flashing = ownership.claim('/dev/ttyUSB0', 'flashing');
    expect(() => ownership.claim('/dev/ttyUSB0', 'connected')).toThrow(AppError);
    expect(ownership.ownerOf('/dev/ttyUSB1')).toBeNull();
    flashing.release();
    flashing.release();
    expect(ownership.ownerOf('/dev/ttyUSB0')).toBeNull();
    // The connection under a run closes (cable pulled): nothing stays owned.
    const again = ownership.claim('/dev/ttyUSB0', 'connected');
    ownership.setRunning('/dev/ttyUSB0', true);
    again.release();
    expect(ownership.ownerOf('/dev/ttyUSB0')).toBeNull();
    ownership.setRunning('/dev/ttyUSB0', false);
    expect(ownership.ownerOf('/dev/ttyUSB0')).toBeNull();
  });
});

describe('diagnose on a fake Linux filesystem', () => {
  it('finds dialout, brltty and an open probe result', async () => {
    const { diagnoseSerial } = await import('../../../main/serial/diagnose');
    const root = mkdtempSync(join(tmpdir(), 'chispa-root-'));
    mkdirSync(join(root, 'etc'), { recursive: true });
    mkdirSync(join(root, 'usr/bin'), { recursive: true });
    mkdirSync(join(root, 'proc/4242'), { recursive: true });
    writeFileSync(join(root, 'etc/group'), 'dialout:x:20:\nana:x:1000:\n');
    writeFileSync(join(root, 'usr/bin/brltty'), '');
    writeFileSync(join(root, 'proc/4242/comm'), 'brltty\n');
    const findings = await diagnoseSerial({
      path: '/nonexistent/ttyUSB9',
      deviceDirs: ['/nonexistent'],
      listing: { ports: [], problemKey: null },
      ownedByChispa: false,
      env: { platform: 'linux', root, uid: 1000, userName: 'ana', processGids: [1000] },
      probe: async () => 'missing',
    });
    const byId = Object.fromEntries(findings.map((finding) => [finding.id, finding]));
    expect(byId['port-present'].status).toBe('problem');
    expect(byId['port-open'].guideAnchor).toBe('board-not-found');
    expect(byId.dialout).toMatchObject({ status: 'problem', params: { group: 'dialout', user: 'ana' } });
    expect(byId.brltty).toMatchObject({ status: 'problem', messageKey: 'serial.diagnose.brltty.running' });
    expect(byId['boards-listed'].guideAnchor).toBe('charge-only-cable');
    // Masking it (the unit → /dev/null) and stopping it clears the finding.
    rmSync(join(root, 'proc/4242'), { recursive: true });
    mkdirSync(join(root, 'etc/udev/rules.d'), { recursive: true });
    writeFileSync(join(root, 'etc/udev/rules.d/85-brltty.rules'), '# ENV{PRODUCT}=="1a86/7523/*", ...\n');
    const after = await diagnoseSerial({
      path: null,
      deviceDirs: [],
      listing: { ports: [], problemKey: null },
      ownedByChispa: false,
      env: { platform: 'linux', root, uid: 1000, userName: 'ana', processGids: [1000, 20] },
    });
    const afterById = Object.fromEntries(after.map((finding) => [finding.id, finding]));
    expect(afterById.brltty).toMatchObject({ status: 'ok', messageKey: 'serial.diagnose.brltty.masked' });
    expect(afterById.dialout.status).toBe('ok');
    expect(afterById['port-open'].status).toBe('skipped');
    rmSync(root, { recursive: true });
  });
});
