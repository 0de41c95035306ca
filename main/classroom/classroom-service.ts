/**
 * The live class for the rest of the app (docs/classroom.md): the instructor's side (open a class
 * on a chosen address, admit, commands, suggested check-ins) and this PC's side as a student
 * (join, pick a name, report where the child is, follow commands). Names of today's learners stay
 * in this process; PCs get them with refs ("n3") that mean nothing outside the class.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../common/ipc/app-error';
import type { ClassroomErrorName } from '../../common/ipc/error-codes';
import { normaliseCode, type ClassName, type PcStatus } from '../../common/classroom/protocol';
import type {
  ClassroomCommand,
  ClassroomMemberState,
  ClassroomView,
  FoundClass,
} from '../../common/ipc/contract-classroom';
import type { BoardStatus } from '../../common/ipc/contract-board';
import { writeFileAtomic } from '../app/atomic-write';
import type { Logger } from '../app/logger';
import { openClassHost, savedClassAddress, type ClassHost, type ClassView } from './class-host';
import { createClassMember, parseClassAddress } from './class-member';
import { advertiseClass, findClasses, type ClassAdvert } from './class-discovery';
import type { LessonPosition } from './lesson-activity';

export interface ClassroomPeople {
  /** Today's learners (display names), at most a few hundred. */
  learners(): Promise<Array<{ personId: string; displayName: string }>>;
  /** People checked in (present) to the session. */
  present(sessionId: string): Promise<Set<string>>;
}

export interface ClassroomService {
  interfaces(): { interfaces: Array<{ name: string; address: string; internal: boolean }> };
  open(address: string, sessionId: string | null, label?: string): Promise<ClassroomView>;
  view(): Promise<ClassroomView>;
  admit(pcId: string): Promise<ClassroomView>;
  sendToStep(lessonId: string, step: number): { sent: number };
  lock(locked: boolean): { sent: number };
  hint(pcId: string, text: string): { sent: true };
  close(): Promise<ClassroomView>;
  join(address: string, code: string): Promise<ClassroomMemberState>;
  leave(): ClassroomMemberState;
  pickName(ref: string | null): ClassroomMemberState;
  memberState(): ClassroomMemberState;
  /** Classes open on this PC's networks, found by mDNS. */
  discover(): Promise<FoundClass[]>;
  /** The lesson wrapper calls this on every step change, check and answer. */
  notePosition(position: LessonPosition): void;
  noteBoard(status: BoardStatus): void;
  dispose(): Promise<void>;
}

const fail = (code: ClassroomErrorName) =>
  new AppError(`classroom.${code}`, { messageKey: `classroom.error.${code}` });

const closedView = (): ClassroomView => ({
  open: false,
  address: '',
  port: 0,
  code: '',
  codeExpiresAt: 0,
  locked: false,
  pending: [],
  pcs: [],
  sessionId: null,
  suggestions: [],
});

const localIpv4 = () =>
  Object.entries(networkInterfaces()).flatMap(([name, entries]) =>
    (entries ?? [])
      .filter((entry) => entry.family === 'IPv4')
      .map((entry) => ({ name, address: entry.address, internal: entry.internal })),
  );

/** This PC's id in classes: random, kept in the data folder; never tied to a person. */
const pcIdOf = (dataDir: string): string => {
  const file = join(dataDir, 'classroom-pc.json');
  if (existsSync(file)) {
    try {
      const { pcId } = JSON.parse(readFileSync(file, 'utf8')) as { pcId?: unknown };
      if (typeof pcId === 'string' && /^[0-9a-f-]{36}$/.test(pcId)) return pcId;
    } catch {
      // a damaged file: make a new id
    }
  }
  const pcId = randomUUID();
  writeFileAtomic(file, JSON.stringify({ pcId }));
  return pcId;
};

/** What the host does not keep but a reopened class needs: today's session and the label. */
const openClassNote = (file: string): { sessionId: string | null; label: string } => {
  try {
    const note = JSON.parse(readFileSync(file, 'utf8')) as { sessionId?: unknown; label?: unknown };
    return {
      sessionId: typeof note.sessionId === 'string' ? note.sessionId : null,
      label: typeof note.label === 'string' ? note.label : '',
    };
  } catch {
    return { sessionId: null, label: '' };
  }
};

export const createClassroomService = (options: {
  dataDir: string;
  people: ClassroomPeople;
  logger: Logger;
  onView: (view: ClassroomView) => void;
  onMember: (state: ClassroomMemberState) => void;
  onCommand: (command: ClassroomCommand) => void;
  /** The name shown for this PC before a child picks theirs (default: the host name). */
  pcName?: string;
  codeTtlMs?: number;
  /** mDNS port for discovery (default 5353). */
  mdnsPort?: number;
}): ClassroomService => {
  const stateFile = join(options.dataDir, 'classroom-class.json');
  const noteFile = join(options.dataDir, 'classroom-open.json');
  let host: ClassHost | null = null;
  let advert: ClassAdvert | null = null;
  let advertLabel = '';
  let sessionId: string | null = null;
  let refs = new Map<string, { personId: string; displayName: string }>();
  let position: LessonPosition = {
    lessonId: null,
    step: null,
    stepCount: null,
    stepsPassed: 0,
    lastCheck: null,
  };
  let board: PcStatus['board'] = { kind: 'none', connected: false };

  const todayNames = async (): Promise<ClassName[]> => {
    const learners = await options.people.learners();
    refs = new Map(learners.map((learner, index) => [`n${index + 1}`, learner]));
    return [...refs].map(([ref, learner]) => ({ ref, name: learner.displayName.slice(0, 40) }));
  };
  const fullView = async (view: ClassView | null): Promise<ClassroomView> => {
    if (!view || !view.open) return closedView();
    const present = sessionId
      ? await options.people.present(sessionId).catch(() => new Set<string>())
      : new Set();
    const suggestions = view.pcs.flatMap((pc) => {
      const ref = host?.pickedRefOf(pc.pcId);
      const person = ref ? refs.get(ref) : undefined;
      return person && !present.has(person.personId) ? [{ ...person, pcName: pc.pcName }] : [];
    });
    return { ...view, sessionId, suggestions };
  };
  const publish = (view: ClassView) => {
    void fullView(view).then(options.onView, (error: unknown) =>
      options.logger.warn('classroom view', error),
    );
  };
  const requireHost = () => {
    if (!host) throw fail('not-open');
    return host;
  };
  const startHost = async (address: string, label: string) => {
    host = await openClassHost({
      address,
      stateFile,
      names: todayNames,
      codeTtlMs: options.codeTtlMs,
      onChange: publish,
      log: (message) => options.logger.info(message),
    });
    advert = advertiseClass({ address, port: host.view().port, label, mdnsPort: options.mdnsPort });
    advertLabel = label;
    return host;
  };
  const stopHost = async (how: 'close' | 'stop') => {
    advert?.stop();
    advert = null;
    await host?.[how]();
    host = null;
  };

  const member = createClassMember({
    pcId: pcIdOf(options.dataDir),
    pcName: (options.pcName ?? hostname()).slice(0, 40) || 'PC',
    onState: (state) => options.onMember(state),
    onCommand: (command) => options.onCommand(command),
  });
  const report = () => member.report({ ...position, nameRef: null, board });

  // A class left open when the app stopped or crashed opens again, so its PCs rejoin.
  const reopen = savedClassAddress(stateFile);
  if (reopen && localIpv4().some((entry) => entry.address === reopen)) {
    const note = openClassNote(noteFile);
    sessionId = note.sessionId;
    void startHost(reopen, note.label).catch((error: unknown) =>
      options.logger.warn('classroom: could not reopen the class', error),
    );
  }

  return {
    interfaces: () => ({ interfaces: localIpv4() }),
    async open(address, forSession, label = '') {
      if (!localIpv4().some((entry) => entry.address === address)) throw fail('address-not-here');
      sessionId = forSession;
      if (host && host.view().address !== address) await stopHost('close');
      const opened = host ?? (await startHost(address, label));
      try {
        writeFileAtomic(noteFile, JSON.stringify({ sessionId, label: advertLabel }));
      } catch (error) {
        // Only a restart would miss it (the class reopens without its session and label).
        options.logger.warn('classroom: could not note the open class', error);
      }
      return fullView(opened.view());
    },
    view: () => fullView(host?.view() ?? null),
    async admit(pcId) {
      if (!requireHost().admit(pcId)) throw fail('unknown-pc');
      return fullView(requireHost().view());
    },
    sendToStep: (lessonId, step) => ({ sent: requireHost().sendToStep(lessonId, step) }),
    lock: (locked) => ({ sent: requireHost().setLocked(locked) }),
    hint(pcId, text) {
      if (!requireHost().hint(pcId, text)) throw fail('unknown-pc');
      return { sent: true };
    },
    async close() {
      await stopHost('close');
      rmSync(noteFile, { force: true });
      sessionId = null;
      return closedView();
    },
    async join(address, code) {
      const target = parseClassAddress(address);
      if (!target) throw fail('bad-address');
      const normal = normaliseCode(code);
      if (!normal) throw fail('bad-code');
      try {
        await member.join(target, normal);
      } catch {
        throw fail('join-failed');
      }
      report();
      return member.state();
    },
    leave() {
      member.leave();
      return member.state();
    },
    pickName(ref) {
      member.pickName(ref);
      return member.state();
    },
    memberState: () => member.state(),
    discover: () => findClasses({ mdnsPort: options.mdnsPort }),
    notePosition(next) {
      position = next;
      report();
    },
    noteBoard(status) {
      const kind =
        status.target?.kind === 'serial' ? 'kit' : status.target?.kind === 'virtual' ? 'virtual' : 'none';
      board = { kind, connected: status.state === 'ready' };
      report();
    },
    async dispose() {
      member.leave();
      await stopHost('stop');
    },
  };
};
