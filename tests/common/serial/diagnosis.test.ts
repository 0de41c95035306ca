import { describe, expect, it } from 'vitest';
import {
  evaluateBoardsListed,
  evaluateBrltty,
  evaluateDialout,
  evaluatePortOpen,
  parseGroupFile,
} from '../../../common/serial/diagnosis';
import { messages } from '../../../common/i18n/messages';

const GROUPS = [
  'root:x:0:',
  'dialout:x:20:ana,luis',
  'uucp:x:10:',
  '# comment',
  'broken-line',
  'plugdev:x:46:ana',
].join('\n');

describe('serial diagnosis rules', () => {
  it('parses /etc/group and skips malformed lines', () => {
    const groups = parseGroupFile(GROUPS);
    expect(groups.map((group) => group.name)).toEqual(['root', 'dialout', 'uucp', 'plugdev']);
    expect(groups[1]).toEqual({ name: 'dialout', gid: 20, members: ['ana', 'luis'] });
  });

  it('tells member, member-needing-relogin and non-member apart', () => {
    const base = { groupFile: GROUPS, uid: 1000, deviceGid: 20 };
    expect(evaluateDialout({ ...base, userName: 'ana', processGids: [1000, 20] }).status).toBe('ok');
    const relogin = evaluateDialout({ ...base, userName: 'luis', processGids: [1000] });
    expect(relogin).toMatchObject({
      status: 'warning',
      messageKey: 'serial.diagnose.dialout.relogin',
      guideAnchor: 'linux-dialout',
    });
    const missing = evaluateDialout({ ...base, userName: 'pia', processGids: [1000] });
    expect(missing).toMatchObject({ status: 'problem', params: { group: 'dialout', user: 'pia' } });
    expect(evaluateDialout({ ...base, userName: 'root', uid: 0, processGids: [0] }).status).toBe('ok');
    expect(evaluateDialout({ ...base, groupFile: null, userName: 'x', processGids: [] }).status).toBe(
      'unknown',
    );
  });

  it('uses the group that owns the device (uucp on Arch) over the name dialout', () => {
    const finding = evaluateDialout({
      groupFile: GROUPS,
      uid: 1000,
      userName: 'ana',
      processGids: [20],
      deviceGid: 10,
    });
    expect(finding).toMatchObject({ status: 'problem', params: { group: 'uucp' } });
  });

  it('flags brltty running, accepts it masked, never says to remove it', () => {
    expect(
      evaluateBrltty({ installed: false, running: false, masked: false, usbSerialChipPresent: true }).status,
    ).toBe('ok');
    expect(
      evaluateBrltty({ installed: true, running: false, masked: true, usbSerialChipPresent: true }).status,
    ).toBe('ok');
    const running = evaluateBrltty({
      installed: true,
      running: true,
      masked: false,
      usbSerialChipPresent: false,
    });
    expect(running).toMatchObject({ status: 'problem', guideAnchor: 'linux-brltty' });
    expect(messages.en[running.messageKey]).toMatch(/do not uninstall/i);
    expect(messages.es[running.messageKey]).toMatch(/no lo desinstales/i);
    expect(
      evaluateBrltty({ installed: true, running: false, masked: false, usbSerialChipPresent: false }).status,
    ).toBe('warning');
  });

  it('maps open failures to the guide section that fixes them', () => {
    expect(evaluatePortOpen('busy', 'COM3')).toMatchObject({ status: 'problem', guideAnchor: 'port-busy' });
    expect(evaluatePortOpen('permission', '/dev/ttyUSB0').guideAnchor).toBe('linux-dialout');
    expect(evaluatePortOpen('ok', '/dev/ttyUSB0').status).toBe('ok');
  });

  it('points to drivers on Windows and to the cable elsewhere when no board is listed', () => {
    expect(evaluateBoardsListed(0, 'win32').guideAnchor).toBe('ch340-driver');
    expect(evaluateBoardsListed(0, 'linux').guideAnchor).toBe('charge-only-cable');
    expect(evaluateBoardsListed(2, 'linux').status).toBe('ok');
  });

  it('has sentences for every finding key in both languages', () => {
    for (const key of Object.keys(messages.en).filter((k) => k.startsWith('serial.diagnose.'))) {
      expect(messages.es[key], key).toBeTruthy();
    }
  });
});
