/**
 * The instructor's side of a live class (docs/classroom.md): listens only while the class is open
 * and only on the address the instructor chose, admits PCs one by one, keeps the grid, and sends
 * commands. Handshake and frames: secure-channel.ts. The class (its id, port, and each admitted
 * PC's credential) is kept in a 0600 file so that after a crash or restart the same class opens
 * again and the students rejoin by themselves.
 */
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { z } from 'zod';
import {
  codeAlphabet,
  codeLength,
  confirmSchema,
  instructorMessageSchema,
  joinSchema,
  studentMessageSchema,
  type ClassName,
  type InstructorMessage,
  type PcStatus,
} from '../../common/classroom/protocol';
import { writeFileAtomic } from '../app/atomic-write';
import {
  confirmationMac,
  createFrameCodec,
  deriveKeys,
  macMatches,
  makeShare,
  randomToken,
  type FrameCodec,
  type HandshakeContext,
} from './secure-channel';

export const classPath = '/chispa-class';
const maxFrameBytes = 16 * 1024;
const handshakeTimeoutMs = 15_000;
/** Failed handshakes a code survives; then it is replaced (each try tests one guess). */
const maxCodeFailures = 10;

export interface GridPc {
  pcId: string;
  pcName: string;
  displayName: string;
  /** True when the child picked a name from today's list. */
  namePicked: boolean;
  connected: boolean;
  status: PcStatus | null;
  updatedAt: number;
}

export interface ClassView {
  open: boolean;
  address: string;
  port: number;
  code: string;
  codeExpiresAt: number;
  pending: Array<{ pcId: string; pcName: string }>;
  pcs: GridPc[];
  locked: boolean;
}

export interface HostOptions {
  address: string;
  port?: number;
  /** Where the open class is kept between restarts (0600). */
  stateFile: string;
  codeTtlMs?: number;
  /** Today's list of display names, each with a ref that means nothing outside this class. */
  names: () => Promise<ClassName[]>;
  onChange?: (view: ClassView) => void;
  log?: (message: string) => void;
}

const savedClassSchema = z.object({
  classId: z.string(),
  address: z.string(),
  port: z.number().int(),
  admitted: z.array(z.object({ pcId: z.string().uuid(), pcName: z.string(), credential: z.string() })),
});
type SavedClass = z.infer<typeof savedClassSchema>;

interface Connection {
  socket: WebSocket;
  pcId: string | null;
  codec: FrameCodec | null;
  admitted: boolean;
}

interface PcRecord {
  pcId: string;
  pcName: string;
  credential: string | null;
  nameRef: string | null;
  status: PcStatus | null;
  updatedAt: number;
  connection: Connection | null;
}

const newCode = () =>
  Array.from({ length: codeLength }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');

export const openClassHost = async (options: HostOptions) => {
  const codeTtlMs = options.codeTtlMs ?? 10 * 60_000;
  const log = options.log ?? (() => undefined);
  const saved = readSaved(options.stateFile, options.address);
  const classId = saved?.classId ?? randomToken(16);
  const pcs = new Map<string, PcRecord>();
  for (const pc of saved?.admitted ?? []) {
    pcs.set(pc.pcId, { ...pc, nameRef: null, status: null, updatedAt: 0, connection: null });
  }
  let code = newCode();
  let codeExpiresAt = Date.now() + codeTtlMs;
  let codeFailures = 0;
  let locked = false;
  let names: ClassName[] = [];
  let open = true;

  const rotateCode = () => {
    code = newCode();
    codeExpiresAt = Date.now() + codeTtlMs;
    codeFailures = 0;
    changed();
  };
  const codeTimer = setInterval(
    () => {
      if (Date.now() >= codeExpiresAt) rotateCode();
    },
    Math.min(1000, codeTtlMs),
  );

  const save = () => {
    const admitted = [...pcs.values()]
      .filter((pc) => pc.credential)
      .map((pc) => ({ pcId: pc.pcId, pcName: pc.pcName, credential: pc.credential as string }));
    const state: SavedClass = { classId, address: options.address, port, admitted };
    writeFileAtomic(options.stateFile, JSON.stringify(state));
  };

  const displayNameOf = (pc: PcRecord) => names.find((n) => n.ref === pc.nameRef)?.name ?? pc.pcName;
  const view = (): ClassView => ({
    open,
    address: options.address,
    port,
    code,
    codeExpiresAt,
    locked,
    pending: [...pcs.values()]
      .filter((pc) => !pc.credential && pc.connection && pc.pcName)
      .map((pc) => ({ pcId: pc.pcId, pcName: pc.pcName })),
    pcs: [...pcs.values()]
      .filter((pc) => pc.credential)
      .map((pc) => ({
        pcId: pc.pcId,
        pcName: pc.pcName,
        displayName: displayNameOf(pc),
        namePicked: pc.nameRef !== null && names.some((n) => n.ref === pc.nameRef),
        connected: pc.connection?.admitted === true,
        status: pc.status,
        updatedAt: pc.updatedAt,
      }))
      .sort((a, b) => a.pcName.localeCompare(b.pcName)),
  });
  const changed = () => options.onChange?.(view());

  const send = (connection: Connection, message: InstructorMessage) => {
    if (!connection.codec || connection.socket.readyState !== connection.socket.OPEN) return;
    connection.socket.send(connection.codec.seal(JSON.stringify(instructorMessageSchema.parse(message))));
  };
  const refuse = (connection: Connection, reason: string) => {
    log(`classroom: refused a connection (${reason})`);
    connection.socket.terminate();
  };

  const server: Server = createServer((_req, res) => {
    res.writeHead(404).end();
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== classPath) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
  });

  const accept = (socket: WebSocket) => {
    const connection: Connection = { socket, pcId: null, codec: null, admitted: false };
    const serverNonce = randomToken(16);
    let stage: 'join' | 'confirm' | 'open' = 'join';
    let pending: { ctx: HandshakeContext; keys: NonNullable<ReturnType<typeof deriveKeys>> } | null = null;
    const timer = setTimeout(
      () => stage !== 'open' && refuse(connection, 'handshake timeout'),
      handshakeTimeoutMs,
    );
    socket.send(JSON.stringify({ t: 'server-hello', v: 1, classId, nonce: serverNonce }));
    const failHandshake = (reason: string) => {
      if (pending?.ctx.mode === 'code' && ++codeFailures >= maxCodeFailures) rotateCode();
      refuse(connection, reason);
    };
    socket.on('message', (data: RawData, isBinary: boolean) => {
      const bytes = Buffer.isBuffer(data)
        ? data
        : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]);
      if (stage === 'open') return onFrame(connection, bytes);
      if (isBinary) return failHandshake('binary during handshake');
      let json: unknown;
      try {
        json = JSON.parse(bytes.toString('utf8'));
      } catch {
        return failHandshake('not JSON');
      }
      if (stage === 'join') {
        const join = joinSchema.safeParse(json);
        if (!join.success) return refuse(connection, 'bad join');
        const { pcId, mode, nonce, share } = join.data;
        const known = pcs.get(pcId);
        let secret: string;
        if (mode === 'code') {
          if (Date.now() >= codeExpiresAt) rotateCode();
          secret = code;
        } else {
          if (!known?.credential) return refuse(connection, 'unknown PC');
          secret = known.credential;
        }
        const ctx: HandshakeContext = { classId, serverNonce, clientNonce: nonce, pcId, mode };
        const mine = makeShare(secret, ctx);
        const keys = deriveKeys(mine.scalar, share, { ctx, clientShare: share, serverShare: mine.share });
        if (!keys) return refuse(connection, 'bad share');
        pending = { ctx, keys };
        stage = 'confirm';
        socket.send(
          JSON.stringify({ t: 'accept', share: mine.share, mac: confirmationMac(keys.serverMac, 'server') }),
        );
        return;
      }
      const confirm = confirmSchema.safeParse(json);
      if (!confirm.success || !pending) return failHandshake('bad confirm');
      if (!macMatches(confirmationMac(pending.keys.clientMac, 'client'), confirm.data.mac)) {
        return failHandshake('wrong secret');
      }
      clearTimeout(timer);
      stage = 'open';
      connection.codec = createFrameCodec({
        send: pending.keys.serverToClient,
        receive: pending.keys.clientToServer,
        sendDirection: 1,
      });
      connection.pcId = pending.ctx.pcId;
      const record = pcs.get(connection.pcId) ?? {
        pcId: connection.pcId,
        pcName: '',
        credential: null,
        nameRef: null,
        status: null,
        updatedAt: 0,
        connection: null,
      };
      // A newer connection of the same PC replaces the old one.
      if (record.connection && record.connection !== connection) record.connection.socket.terminate();
      record.connection = connection;
      pcs.set(record.pcId, record);
      connection.admitted = pending.ctx.mode === 'credential';
    });
    socket.on('close', () => {
      clearTimeout(timer);
      if (!connection.pcId) return;
      const record = pcs.get(connection.pcId);
      if (record?.connection !== connection) return;
      record.connection = null;
      if (!record.credential) pcs.delete(record.pcId);
      changed();
    });
    socket.on('error', () => undefined);
  };

  const onFrame = (connection: Connection, frame: Buffer) => {
    const text = connection.codec?.open(frame);
    if (text == null) return refuse(connection, 'replayed or altered frame');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return refuse(connection, 'not JSON');
    }
    const message = studentMessageSchema.safeParse(json);
    if (!message.success) return refuse(connection, 'unknown message');
    const record = pcs.get(connection.pcId as string);
    if (!record) return refuse(connection, 'no record');
    if (message.data.t === 'hello') {
      record.pcName = message.data.pcName;
      if (connection.admitted) {
        send(connection, { t: 'admitted', credential: record.credential as string, names });
        if (locked) send(connection, { t: 'lock', locked: true });
      } else send(connection, { t: 'waiting' });
      changed();
      return;
    }
    // Status from a PC the instructor has not admitted is not shown anywhere.
    if (!connection.admitted) return;
    record.status = message.data.status;
    record.nameRef = message.data.status.nameRef;
    record.updatedAt = Date.now();
    changed();
  };

  const admittedConnections = () =>
    [...pcs.values()].flatMap((pc) => (pc.connection?.admitted ? [pc.connection] : []));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(saved?.port ?? options.port ?? 0, options.address, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  save();
  names = await options.names().catch(() => []);

  const shutdown = async (reason: 'closed' | 'stopped') => {
    if (!open) return;
    open = false;
    clearInterval(codeTimer);
    if (reason === 'closed') {
      for (const connection of admittedConnections()) send(connection, { t: 'closing' });
      rmSync(options.stateFile, { force: true });
    }
    for (const client of wss.clients) {
      if (reason === 'closed') client.close(1000);
      else client.terminate();
    }
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    changed();
  };

  return {
    classId,
    view,
    admit(pcId: string): boolean {
      const record = pcs.get(pcId);
      if (!record?.connection || record.credential) return false;
      record.credential = randomToken(32);
      record.connection.admitted = true;
      save();
      send(record.connection, { t: 'admitted', credential: record.credential, names });
      if (locked) send(record.connection, { t: 'lock', locked: true });
      changed();
      return true;
    },
    sendToStep(lessonId: string, step: number): number {
      const targets = admittedConnections();
      for (const connection of targets) send(connection, { t: 'goto', lessonId, step });
      return targets.length;
    },
    setLocked(value: boolean): number {
      locked = value;
      const targets = admittedConnections();
      for (const connection of targets) send(connection, { t: 'lock', locked: value });
      changed();
      return targets.length;
    },
    hint(pcId: string, text: string): boolean {
      const connection = pcs.get(pcId)?.connection;
      if (!connection?.admitted) return false;
      send(connection, { t: 'hint', text });
      return true;
    },
    /** Refreshes today's names (after a check-in list changed) for PCs admitted from now on. */
    async refreshNames() {
      names = await options.names().catch(() => names);
      changed();
    },
    /** Name refs the children picked (the service maps them to people as suggested check-ins). */
    pickedRefs: (): string[] =>
      [...pcs.values()].flatMap((pc) => (pc.credential && pc.nameRef ? [pc.nameRef] : [])),
    pickedRefOf: (pcId: string): string | null => {
      const pc = pcs.get(pcId);
      return pc?.credential ? pc.nameRef : null;
    },
    /** The class ends: students are told, the state file goes, nothing listens any more. */
    close: () => shutdown('closed'),
    /** Stops listening without ending the class (app quits): the class reopens at the next start. */
    stop: () => shutdown('stopped'),
  };
};
export type ClassHost = Awaited<ReturnType<typeof openClassHost>>;

const readSaved = (file: string, address: string): SavedClass | null => {
  if (!existsSync(file)) return null;
  try {
    const saved = savedClassSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    return saved.address === address ? saved : null;
  } catch {
    return null;
  }
};

/** Whether a class was left open (the app stopped or crashed with a class running). */
export const savedClassAddress = (file: string): string | null => {
  if (!existsSync(file)) return null;
  try {
    return savedClassSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).address;
  } catch {
    return null;
  }
};
