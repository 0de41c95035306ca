/**
 * 'serial.diagnose': checks the causes the app can check itself and says what it found. Facts
 * are gathered here (files, processes, an open attempt); the verdicts are pure
 * (common/serial/diagnosis.ts). Every path is relative to `root` so tests use a fake filesystem.
 */
import { existsSync, readFileSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import {
  evaluateBoardsListed,
  evaluateBrltty,
  evaluateDialout,
  evaluatePortList,
  evaluatePortOpen,
  evaluatePortPresent,
  skipped,
  type DiagnosisFinding,
  type OpenProbe,
} from '../../common/serial/diagnosis';
import type { GuideAnchor } from '../../common/serial/error-guide';
import { AppError } from '../../common/ipc/app-error';
import { admitPortPath, closeQuietly, openSerialPort } from './open-port';
import type { PortListing } from './port-lister';

export interface DiagnoseEnvironment {
  platform: NodeJS.Platform;
  /** Filesystem root for /etc, /proc, /usr, /lib (tests point it at a temp dir). */
  root: string;
  uid: number;
  userName: string;
  processGids: number[];
}

export const currentEnvironment = (): DiagnoseEnvironment => ({
  platform: process.platform,
  root: '/',
  uid: process.getuid?.() ?? -1,
  userName: safeUserName(),
  processGids: process.getgroups?.() ?? [],
});

const safeUserName = (): string => {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? '';
  }
};

const readText = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

const BRLTTY_BINARIES = ['usr/bin/brltty', 'bin/brltty', 'usr/sbin/brltty', 'sbin/brltty'];
const BRLTTY_RULES = ['lib/udev/rules.d/85-brltty.rules', 'usr/lib/udev/rules.d/85-brltty.rules'];

/** Whether a process named brltty runs (scans /proc/<pid>/comm). */
const brlttyRunning = (root: string): boolean => {
  try {
    return readdirSync(join(root, 'proc'))
      .filter((name) => /^\d+$/.test(name))
      .some((pid) => readText(join(root, 'proc', pid, 'comm'))?.trim() === 'brltty');
  } catch {
    return false;
  }
};

/** Masked: the unit links to /dev/null, or a local rules file of the same name overrides the package's. */
const brlttyMasked = (root: string): boolean => {
  const unit = join(root, 'etc/systemd/system/brltty-udev.service');
  try {
    if (readlinkSync(unit) === '/dev/null') return true;
  } catch {
    // not a symlink or absent
  }
  // A local copy of the rules with the USB-serial chips' lines removed or commented out.
  const override = readText(join(root, 'etc/udev/rules.d/85-brltty.rules'));
  if (override === null) return false;
  return !override
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .some((line) => /1a86|10c4|0403/i.test(line));
};

export const gatherBrlttyFacts = (root: string) => ({
  installed: [...BRLTTY_BINARIES, ...BRLTTY_RULES].some((path) => existsSync(join(root, path))),
  running: brlttyRunning(root),
  masked: brlttyMasked(root),
});

/** Tries to open the port for a moment; tells busy from permission from missing. */
export const probeOpen = async (path: string, deviceDirs: readonly string[]): Promise<OpenProbe> => {
  try {
    const port = await openSerialPort(path, 57600, deviceDirs);
    await closeQuietly(port);
    return 'ok';
  } catch (error) {
    const code = error instanceof AppError ? error.code : '';
    if (code === 'serial.port-busy') return 'busy';
    if (code === 'serial.permission-denied') return 'permission';
    if (code === 'serial.port-not-found') return 'missing';
    return 'failed';
  }
};

const USB_SERIAL_LABELS = new Set([
  'serial.port.kind.ch340',
  'serial.port.kind.ch9102',
  'serial.port.kind.cp210x',
  'serial.port.kind.ftdi',
]);

export const diagnoseSerial = async (options: {
  path: string | null;
  /** Folders whose device links may be looked at besides serial device names (open-port.ts). */
  deviceDirs: readonly string[];
  listing: PortListing;
  /** The port is open in Chispa right now (connected, running or flashing): do not probe it. */
  ownedByChispa: boolean;
  env?: DiagnoseEnvironment;
  probe?: (path: string, deviceDirs: readonly string[]) => Promise<OpenProbe>;
}): Promise<DiagnosisFinding[]> => {
  const { path, deviceDirs } = options;
  // Before the disk is looked at: existence and owner of any other file stay unknown.
  if (path !== null) admitPortPath(path, deviceDirs);
  const env = options.env ?? currentEnvironment();
  const findings: DiagnosisFinding[] = [evaluatePortList(options.listing.problemKey)];
  const boards = options.listing.ports.filter((port) => port.likelyBoard && !port.manual);
  const driverAnchor = (boards.find((port) => port.driverAnchor)?.driverAnchor ?? null) as GuideAnchor | null;
  findings.push(evaluateBoardsListed(boards.length, env.platform, driverAnchor));
  let deviceGid: number | null = null;
  if (path) {
    const present =
      env.platform === 'win32' ? options.listing.ports.some((port) => port.path === path) : existsSync(path);
    findings.push(evaluatePortPresent(present, path));
    if (present && env.platform !== 'win32') {
      try {
        deviceGid = statSync(path).gid;
      } catch {
        deviceGid = null;
      }
    }
    const probe = options.ownedByChispa
      ? 'owned-by-chispa'
      : await (options.probe ?? probeOpen)(path, deviceDirs);
    findings.push(evaluatePortOpen(probe, path));
  } else {
    findings.push(skipped('port-open', 'serial.diagnose.skipped.no-path'));
  }
  if (env.platform === 'linux') {
    findings.push(
      evaluateDialout({
        groupFile: readText(join(env.root, 'etc/group')),
        userName: env.userName,
        uid: env.uid,
        processGids: env.processGids,
        deviceGid,
      }),
    );
    findings.push(
      evaluateBrltty({
        ...gatherBrlttyFacts(env.root),
        usbSerialChipPresent: options.listing.ports.some((port) => USB_SERIAL_LABELS.has(port.labelKey)),
      }),
    );
  } else {
    findings.push(skipped('dialout', 'serial.diagnose.skipped.not-linux'));
    findings.push(skipped('brltty', 'serial.diagnose.skipped.not-linux'));
  }
  return findings;
};
