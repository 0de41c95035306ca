import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openClassHost, type ClassHost, type ClassView } from '../../../main/classroom/class-host';
import {
  createClassMember,
  type ClassMember,
  type MemberCommand,
} from '../../../main/classroom/class-member';
import type { PcStatus } from '../../../common/classroom/protocol';

/** Polls until `check` returns a value (not undefined/false), or fails with `what` after 10 s. */
export const waitFor = async <T>(
  what: string,
  check: () => T | undefined | false,
  timeoutMs = 10_000,
): Promise<T> => {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

export const todayNames = [
  { ref: 'n1', name: 'Ana Lucía' },
  { ref: 'n2', name: 'Beto' },
  { ref: 'n3', name: 'Carolina' },
];

export const statusAt = (step: number, extra: Partial<PcStatus> = {}): PcStatus => ({
  nameRef: null,
  lessonId: 'blink',
  step,
  stepCount: 2,
  stepsPassed: step,
  lastCheck: { passed: true, tries: 2 },
  board: { kind: 'virtual', connected: true },
  ...extra,
});

export interface StudentPc {
  member: ClassMember;
  pcId: string;
  pcName: string;
  commands: MemberCommand[];
}

export const makeStudent = (pcName: string): StudentPc => {
  const commands: MemberCommand[] = [];
  const pcId = randomUUID();
  return {
    member: createClassMember({ pcId, pcName, retryMs: 100, onCommand: (c) => commands.push(c) }),
    pcId,
    pcName,
    commands,
  };
};

export const makeClassDir = () => mkdtempSync(join(tmpdir(), 'chispa-class-'));
export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

export const openHost = (dir: string, options: { codeTtlMs?: number; port?: number } = {}) => {
  const views: ClassView[] = [];
  return openClassHost({
    address: '127.0.0.1',
    stateFile: join(dir, 'class.json'),
    names: async () => todayNames,
    onChange: (view) => views.push(view),
    ...options,
  });
};

/** Joins every student with the code and admits each once it is waiting. */
export const joinAndAdmit = async (host: ClassHost, students: StudentPc[]) => {
  const { port, code } = host.view();
  await Promise.all(students.map((s) => s.member.join({ host: '127.0.0.1', port }, code)));
  await waitFor('three waiting PCs', () => host.view().pending.length === students.length);
  for (const s of students) host.admit(s.pcId);
  await waitFor('all admitted', () => students.every((s) => s.member.state().phase === 'admitted'));
};
