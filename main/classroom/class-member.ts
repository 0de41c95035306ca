/**
 * A student PC's side of a live class (docs/classroom.md). Joins with the code, waits to be
 * admitted, then reports where the child is and follows the instructor's commands. When the
 * instructor's PC goes away the student keeps working: the screen unlocks, nothing is lost, and
 * the PC rejoins with its per-class credential as soon as the class is back. Only when the
 * instructor closes the class does the credential go.
 */
import { WebSocket } from 'ws';
import {
  acceptSchema,
  instructorMessageSchema,
  serverHelloSchema,
  type ClassName,
  type InstructorMessage,
  type PcStatus,
  type StudentMessage,
} from '../../common/classroom/protocol';
import { classPath } from './class-host';
import {
  confirmationMac,
  createFrameCodec,
  deriveKeys,
  macMatches,
  makeShare,
  randomToken,
  type FrameCodec,
  type JoinMode,
} from './secure-channel';

export type MemberPhase = 'idle' | 'connecting' | 'waiting' | 'admitted' | 'offline' | 'closed' | 'refused';

export interface MemberState {
  phase: MemberPhase;
  address: string | null;
  names: ClassName[];
  nameRef: string | null;
  locked: boolean;
  /** The last hint the instructor sent this PC. */
  hint: string | null;
}

export type MemberCommand = Extract<InstructorMessage, { t: 'goto' | 'hint' | 'lock' }>;

export interface MemberOptions {
  pcId: string;
  pcName: string;
  onState?: (state: MemberState) => void;
  onCommand?: (command: MemberCommand) => void;
  /** First retry after losing the class; doubles up to 5 s. */
  retryMs?: number;
}

const handshakeTimeoutMs = 15_000;

/** One connection attempt: resolves with the open socket and its codec, rejects on any failure. */
export const connectToClass = (
  target: { host: string; port: number },
  pcId: string,
  mode: JoinMode,
  secret: string,
) =>
  new Promise<{ socket: WebSocket; codec: FrameCodec }>((resolve, reject) => {
    const socket = new WebSocket(`ws://${target.host}:${target.port}${classPath}`, { maxPayload: 64 * 1024 });
    const fail = (reason: string) => {
      clearTimeout(timer);
      socket.terminate();
      reject(new Error(reason));
    };
    const timer = setTimeout(() => fail('timeout'), handshakeTimeoutMs);
    let stage: 'hello' | 'accept' = 'hello';
    let mine: ReturnType<typeof makeShare> | null = null;
    let ctx: Parameters<typeof makeShare>[1] | null = null;
    socket.on('error', (error) => fail(error.message));
    socket.on('close', () => fail('closed'));
    socket.on('message', (data, isBinary) => {
      if (isBinary) return fail('binary during handshake');
      let json: unknown;
      try {
        json = JSON.parse(String(data));
      } catch {
        return fail('not JSON');
      }
      if (stage === 'hello') {
        const hello = serverHelloSchema.safeParse(json);
        if (!hello.success) return fail('not a Chispa class');
        ctx = {
          classId: hello.data.classId,
          serverNonce: hello.data.nonce,
          clientNonce: randomToken(16),
          pcId,
          mode,
        };
        mine = makeShare(secret, ctx);
        stage = 'accept';
        socket.send(JSON.stringify({ t: 'join', mode, pcId, nonce: ctx.clientNonce, share: mine.share }));
        return;
      }
      const accept = acceptSchema.safeParse(json);
      if (!accept.success || !mine || !ctx) return fail('bad accept');
      const keys = deriveKeys(mine.scalar, accept.data.share, {
        ctx,
        clientShare: mine.share,
        serverShare: accept.data.share,
      });
      if (!keys || !macMatches(confirmationMac(keys.serverMac, 'server'), accept.data.mac))
        return fail('wrong-secret');
      socket.send(JSON.stringify({ t: 'confirm', mac: confirmationMac(keys.clientMac, 'client') }));
      clearTimeout(timer);
      socket.removeAllListeners();
      resolve({
        socket,
        codec: createFrameCodec({
          send: keys.clientToServer,
          receive: keys.serverToClient,
          sendDirection: 0,
        }),
      });
    });
  });

export const parseClassAddress = (typed: string): { host: string; port: number } | null => {
  const match = /^\s*(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})\s*$/.exec(typed);
  if (!match) return null;
  const port = Number(match[2]);
  const octets = match[1].split('.').map(Number);
  if (port < 1 || port > 65535 || octets.some((octet) => octet > 255)) return null;
  return { host: match[1], port };
};

export const createClassMember = (options: MemberOptions) => {
  const baseRetryMs = options.retryMs ?? 1000;
  let state: MemberState = {
    phase: 'idle',
    address: null,
    names: [],
    nameRef: null,
    locked: false,
    hint: null,
  };
  let target: { host: string; port: number } | null = null;
  let credential: string | null = null;
  let live: { socket: WebSocket; codec: FrameCodec } | null = null;
  let status: PcStatus | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let retryMs = baseRetryMs;
  let generation = 0;

  const setState = (patch: Partial<MemberState>) => {
    state = { ...state, ...patch };
    options.onState?.(state);
  };
  const send = (message: StudentMessage) => {
    if (live && live.socket.readyState === live.socket.OPEN)
      live.socket.send(live.codec.seal(JSON.stringify(message)));
  };
  const sendStatus = () => {
    if (state.phase === 'admitted' && status)
      send({ t: 'status', status: { ...status, nameRef: state.nameRef } });
  };

  const scheduleRetry = (mine: number) => {
    if (retryTimer || mine !== generation || !credential) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (mine === generation && credential)
        void attach(mine, 'credential', credential).catch(() => scheduleRetry(mine));
    }, retryMs);
    retryMs = Math.min(retryMs * 2, 5000);
  };

  const attach = async (mine: number, mode: JoinMode, secret: string) => {
    if (!target) return;
    const connected = await connectToClass(target, options.pcId, mode, secret);
    if (mine !== generation) {
      connected.socket.terminate();
      return;
    }
    live = connected;
    retryMs = baseRetryMs;
    const { socket, codec } = connected;
    socket.on('message', (data) => {
      const text = codec.open(Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer));
      const message = text == null ? null : instructorMessageSchema.safeParse(safeJson(text));
      if (!message?.success) {
        socket.terminate();
        return;
      }
      onMessage(message.data);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (live?.socket === socket) live = null;
      if (mine !== generation) return;
      if (state.phase === 'closed') return;
      if (credential) {
        // The instructor's PC went away: keep working alone, unlocked, and try again.
        setState({ phase: 'offline', locked: false });
        scheduleRetry(mine);
      } else setState({ phase: 'refused' });
    });
    send({ t: 'hello', pcName: options.pcName });
  };

  const onMessage = (message: InstructorMessage) => {
    switch (message.t) {
      case 'waiting':
        setState({ phase: 'waiting' });
        return;
      case 'admitted':
        credential = message.credential;
        setState({ phase: 'admitted', names: message.names });
        sendStatus();
        return;
      case 'closing':
        credential = null;
        setState({ phase: 'closed', locked: false });
        return;
      case 'lock':
        setState({ locked: message.locked });
        options.onCommand?.(message);
        return;
      case 'hint':
        setState({ hint: message.text });
        options.onCommand?.(message);
        return;
      case 'goto':
        options.onCommand?.(message);
        return;
    }
  };

  return {
    state: () => state,
    /** Joins a class: resolves once the instructor's PC took the code (then waits for admission). */
    async join(address: { host: string; port: number }, code: string) {
      generation++;
      live?.socket.terminate();
      credential = null;
      target = address;
      setState({
        phase: 'connecting',
        address: `${address.host}:${address.port}`,
        names: [],
        nameRef: null,
        hint: null,
      });
      try {
        await attach(generation, 'code', code);
      } catch (error) {
        setState({ phase: 'refused' });
        throw error;
      }
    },
    /** The child picks their name from today's list (a ref the instructor's PC gave). */
    pickName(ref: string | null) {
      if (ref !== null && !state.names.some((name) => name.ref === ref)) return false;
      setState({ nameRef: ref });
      sendStatus();
      return true;
    },
    report(next: PcStatus) {
      status = next;
      sendStatus();
    },
    leave() {
      generation++;
      credential = null;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      live?.socket.close();
      live = null;
      setState({ phase: 'idle', address: null, names: [], nameRef: null, locked: false, hint: null });
    },
  };
};
export type ClassMember = ReturnType<typeof createClassMember>;

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};
