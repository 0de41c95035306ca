/**
 * Decides what the troubleshooting checks found, from facts main/serial/diagnose.ts gathered
 * (group file text, process ids, brltty files, an open attempt). Pure, so every rule is tested
 * without touching the machine.
 */
import type { GuideAnchor } from './error-guide';

export type FindingStatus = 'ok' | 'problem' | 'warning' | 'unknown' | 'skipped';

export interface DiagnosisFinding {
  id: 'port-present' | 'port-open' | 'dialout' | 'brltty' | 'boards-listed' | 'port-list';
  status: FindingStatus;
  /** Locale key of the sentence saying what was found and what to do. */
  messageKey: string;
  params: Record<string, string | number>;
  guideAnchor: GuideAnchor | null;
}

const finding = (
  id: DiagnosisFinding['id'],
  status: FindingStatus,
  messageKey: string,
  guideAnchor: GuideAnchor | null,
  params: Record<string, string | number> = {},
): DiagnosisFinding => ({ id, status, messageKey, params, guideAnchor });

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

/** Parses /etc/group ("name:x:gid:member1,member2"). Malformed lines are skipped. */
export const parseGroupFile = (text: string): GroupEntry[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split(':'))
    .filter((fields) => fields.length >= 4 && /^\d+$/.test(fields[2]))
    .map(([name, , gid, members]) => ({
      name,
      gid: Number(gid),
      members: members
        .split(',')
        .map((member) => member.trim())
        .filter(Boolean),
    }));

export interface DialoutFacts {
  /** Contents of /etc/group, or null if unreadable. */
  groupFile: string | null;
  userName: string;
  uid: number;
  /** Groups of the running process (process.getgroups()). */
  processGids: number[];
  /** Group owning the serial device node, if a device was checked (stat gid). */
  deviceGid: number | null;
}

/**
 * Linux serial devices belong to "dialout" (Debian/Ubuntu) or "uucp" (Arch/Fedora). Being listed
 * in /etc/group is not enough: the session must be restarted before the process gets the group.
 */
export const evaluateDialout = (facts: DialoutFacts): DiagnosisFinding => {
  if (facts.uid === 0) return finding('dialout', 'ok', 'serial.diagnose.dialout.root', 'linux-dialout');
  if (facts.groupFile === null)
    return finding('dialout', 'unknown', 'serial.diagnose.dialout.unknown', 'linux-dialout');
  const groups = parseGroupFile(facts.groupFile);
  const wanted =
    (facts.deviceGid !== null ? groups.find((group) => group.gid === facts.deviceGid) : undefined) ??
    groups.find((group) => group.name === 'dialout') ??
    groups.find((group) => group.name === 'uucp');
  if (!wanted) return finding('dialout', 'unknown', 'serial.diagnose.dialout.unknown', 'linux-dialout');
  const params = { group: wanted.name, user: facts.userName };
  if (facts.processGids.includes(wanted.gid))
    return finding('dialout', 'ok', 'serial.diagnose.dialout.ok', 'linux-dialout', params);
  if (wanted.members.includes(facts.userName)) {
    return finding('dialout', 'warning', 'serial.diagnose.dialout.relogin', 'linux-dialout', params);
  }
  return finding('dialout', 'problem', 'serial.diagnose.dialout.missing', 'linux-dialout', params);
};

export interface BrlttyFacts {
  installed: boolean;
  running: boolean;
  /** Its udev hook is masked (brltty-udev.service → /dev/null or a local 85-brltty.rules override). */
  masked: boolean;
  /** USB-serial chips brltty claims are present (CH340, CP210x, FTDI…) among the listed ports. */
  usbSerialChipPresent: boolean;
}

/** brltty (a screen-reader braille driver) grabs CH340/CP210x/FTDI ports on Ubuntu 22.04+. */
export const evaluateBrltty = (facts: BrlttyFacts): DiagnosisFinding => {
  if (!facts.installed) return finding('brltty', 'ok', 'serial.diagnose.brltty.absent', 'linux-brltty');
  if (facts.masked && !facts.running)
    return finding('brltty', 'ok', 'serial.diagnose.brltty.masked', 'linux-brltty');
  if (facts.running) return finding('brltty', 'problem', 'serial.diagnose.brltty.running', 'linux-brltty');
  // Installed and not masked: it will grab the next CH340/CP210x/FTDI plugged in (the port then
  // vanishes). A chip that is listed right now has not been grabbed yet.
  return finding(
    'brltty',
    'warning',
    facts.usbSerialChipPresent
      ? 'serial.diagnose.brltty.installed'
      : 'serial.diagnose.brltty.installed-no-port',
    'linux-brltty',
  );
};

export type OpenProbe = 'ok' | 'busy' | 'permission' | 'missing' | 'failed' | 'owned-by-chispa';

export const evaluatePortOpen = (probe: OpenProbe, path: string): DiagnosisFinding => {
  const params = { path };
  switch (probe) {
    case 'ok':
      return finding('port-open', 'ok', 'serial.diagnose.open.ok', null, params);
    case 'owned-by-chispa':
      return finding('port-open', 'ok', 'serial.diagnose.open.chispa', null, params);
    case 'busy':
      return finding('port-open', 'problem', 'serial.diagnose.open.busy', 'port-busy', params);
    case 'permission':
      return finding('port-open', 'problem', 'serial.diagnose.open.permission', 'linux-dialout', params);
    case 'missing':
      return finding('port-open', 'problem', 'serial.diagnose.open.missing', 'board-not-found', params);
    default:
      return finding('port-open', 'problem', 'serial.diagnose.open.failed', 'board-not-found', params);
  }
};

export const evaluatePortPresent = (present: boolean, path: string): DiagnosisFinding =>
  present
    ? finding('port-present', 'ok', 'serial.diagnose.present.ok', null, { path })
    : finding('port-present', 'problem', 'serial.diagnose.present.missing', 'board-not-found', { path });

/**
 * No board-like port at all: the usual causes are a charge-only cable, a missing driver
 * (Windows/macOS with a CH340) or brltty (Linux).
 */
export const evaluateBoardsListed = (
  boards: number,
  platform: string,
  driverAnchor: GuideAnchor | null = null,
): DiagnosisFinding => {
  if (boards > 0)
    return finding('boards-listed', 'ok', 'serial.diagnose.boards.ok', driverAnchor, { count: boards });
  if (platform === 'win32' || platform === 'darwin') {
    return finding('boards-listed', 'problem', 'serial.diagnose.boards.none-driver', 'ch340-driver');
  }
  return finding('boards-listed', 'problem', 'serial.diagnose.boards.none', 'charge-only-cable');
};

export const evaluatePortList = (problemKey: string | null): DiagnosisFinding =>
  problemKey === null
    ? finding('port-list', 'ok', 'serial.diagnose.list.ok', null)
    : finding('port-list', 'warning', problemKey, 'board-not-found');

export const skipped = (id: DiagnosisFinding['id'], reasonKey: string): DiagnosisFinding =>
  finding(id, 'skipped', reasonKey, null);
