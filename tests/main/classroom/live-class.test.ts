import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassHost } from '../../../main/classroom/class-host';
import {
  makeClassDir,
  makeStudent,
  openHost,
  removeDir,
  statusAt,
  waitFor,
  type StudentPc,
} from './class-rig';

/**
 * An instructor and three student PCs on loopback, through the real handshake and encryption:
 * join with the code, admission, the live grid, send to a step, lock, a hint to one PC, the
 * instructor's PC going away and coming back, and closing the class.
 */
describe('live class on loopback: instructor and three students', () => {
  let dir: string;
  let host: ClassHost;
  const students: StudentPc[] = ['PC-01', 'PC-02', 'PC-03'].map(makeStudent);

  beforeAll(async () => {
    dir = makeClassDir();
    host = await openHost(dir);
  });
  afterAll(async () => {
    for (const s of students) s.member.leave();
    await host.close();
    removeDir(dir);
  });

  it('listens only on the chosen address, and PCs join with the code and wait to be admitted', async () => {
    expect(host.view()).toMatchObject({ open: true, address: '127.0.0.1', pcs: [], pending: [] });
    const { port, code } = host.view();
    await Promise.all(students.map((s) => s.member.join({ host: '127.0.0.1', port }, code)));
    await waitFor('waiting PCs', () => host.view().pending.length === 3);
    await waitFor('each PC told to wait', () => students.every((s) => s.member.state().phase === 'waiting'));
    expect(host.view().pcs).toEqual([]);
    for (const s of students) expect(host.admit(s.pcId)).toBe(true);
    await waitFor('admitted', () => students.every((s) => s.member.state().phase === 'admitted'));
    expect(students[0].member.state().names.map((n) => n.name)).toEqual(['Ana Lucía', 'Beto', 'Carolina']);
    expect(host.view().pcs.map((pc) => [pc.pcName, pc.displayName, pc.connected])).toEqual([
      ['PC-01', 'PC-01', true],
      ['PC-02', 'PC-02', true],
      ['PC-03', 'PC-03', true],
    ]);
  });

  it('shows the name a child picked and each step change in the grid', async () => {
    students[0].member.pickName('n1');
    students[0].member.report(statusAt(0, { lastCheck: null }));
    await waitFor('name in grid', () => host.view().pcs.find((pc) => pc.displayName === 'Ana Lucía'));
    students[0].member.report(statusAt(1, { lastCheck: { passed: false, tries: 3 } }));
    const pc = await waitFor('step 1 in grid', () =>
      host.view().pcs.find((p) => p.pcId === students[0].pcId && p.status?.step === 1),
    );
    expect(pc).toMatchObject({
      displayName: 'Ana Lucía',
      namePicked: true,
      status: {
        lessonId: 'blink',
        step: 1,
        lastCheck: { passed: false, tries: 3 },
        board: { kind: 'virtual', connected: true },
      },
    });
    expect(host.pickedRefs()).toEqual(['n1']);
  });

  it('sends everyone to a step and locks every screen; a hint reaches only its PC', async () => {
    expect(host.sendToStep('blink', 1)).toBe(3);
    await waitFor('goto everywhere', () =>
      students.every((s) => s.commands.some((c) => c.t === 'goto' && c.step === 1)),
    );
    expect(host.setLocked(true)).toBe(3);
    await waitFor('locked everywhere', () => students.every((s) => s.member.state().locked));
    expect(host.hint(students[1].pcId, 'Mira el pin 13.')).toBe(true);
    await waitFor('hint on PC-02', () => students[1].commands.some((c) => c.t === 'hint'));
    // Give the other PCs time to receive a stray hint, had one been sent.
    host.sendToStep('blink', 0);
    await waitFor('the next command arrived everywhere', () =>
      students.every((s) => s.commands.some((c) => c.t === 'goto' && c.step === 0)),
    );
    expect(students[1].member.state().hint).toBe('Mira el pin 13.');
    expect([students[0], students[2]].map((s) => s.commands.filter((c) => c.t === 'hint'))).toEqual([[], []]);
    host.setLocked(false);
    await waitFor('unlocked everywhere', () => students.every((s) => !s.member.state().locked));
  });

  it('when the instructor PC dies the students keep working unlocked, and rejoin when it returns', async () => {
    host.setLocked(true);
    await waitFor('locked', () => students.every((s) => s.member.state().locked));
    const { port } = host.view();
    await host.stop();
    await waitFor('offline', () => students.every((s) => s.member.state().phase === 'offline'));
    expect(students.map((s) => s.member.state().locked)).toEqual([false, false, false]);
    // Working alone: progress keeps being reported locally, nothing throws.
    students[2].member.report(statusAt(1, { stepsPassed: 2 }));
    expect(existsSync(join(dir, 'class.json'))).toBe(true);
    host = await openHost(dir);
    expect(host.view().port).toBe(port);
    await waitFor('rejoined without a code', () =>
      students.every((s) => s.member.state().phase === 'admitted'),
    );
    const back = await waitFor('grid back', () => {
      const pcs = host.view().pcs;
      const reported = pcs.filter((pc) => pc.status).length;
      return pcs.length === 3 && pcs.every((pc) => pc.connected) && reported === 2 ? pcs : undefined;
    });
    expect(back.find((pc) => pc.pcId === students[2].pcId)?.status?.stepsPassed).toBe(2);
    expect(back.find((pc) => pc.pcId === students[0].pcId)?.displayName).toBe('Ana Lucía');
    expect(host.view().pending).toEqual([]);
  });

  it('closing the class tells every PC, forgets the credentials and stops listening', async () => {
    const { port } = host.view();
    await host.close();
    await waitFor('closed', () => students.every((s) => s.member.state().phase === 'closed'));
    expect(existsSync(join(dir, 'class.json'))).toBe(false);
    const again = makeStudent('PC-09');
    await expect(again.member.join({ host: '127.0.0.1', port }, 'ABCDEF')).rejects.toThrow();
  });
});
