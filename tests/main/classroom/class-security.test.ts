import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, connect, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { instructorMessageSchema } from '../../../common/classroom/protocol';
import type { ClassHost } from '../../../main/classroom/class-host';
import { classPath } from '../../../main/classroom/class-host';
import { connectToClass } from '../../../main/classroom/class-member';
import { toB64 } from '../../../main/classroom/secure-channel';
import {
  joinAndAdmit,
  makeClassDir,
  makeStudent,
  openHost,
  removeDir,
  statusAt,
  todayNames,
  waitFor,
} from './class-rig';

const closed = (socket: WebSocket) =>
  new Promise<void>((resolve) => {
    if (socket.readyState === socket.CLOSED) resolve();
    else socket.once('close', () => resolve());
  });

/** A raw PC speaking the protocol by hand: the real handshake, then frames the test chooses. */
const rawPc = async (host: ClassHost, pcName: string) => {
  const pcId = randomUUID();
  const { port, code } = host.view();
  const link = await connectToClass({ host: '127.0.0.1', port }, pcId, 'code', code);
  const received: unknown[] = [];
  link.socket.on('message', (data) => {
    const text = link.codec.open(data as Buffer);
    received.push(text === null ? 'unreadable' : instructorMessageSchema.parse(JSON.parse(text)));
  });
  const sendJson = (message: unknown) => {
    const frame = link.codec.seal(JSON.stringify(message));
    link.socket.send(frame);
    return frame;
  };
  sendJson({ t: 'hello', pcName });
  await waitFor('waiting', () => received.some((m) => (m as { t: string }).t === 'waiting'));
  return { pcId, ...link, received, sendJson };
};

/** A TCP relay in front of the class that keeps every byte both ways, as a capture on loopback would. */
const recordingProxy = async (targetPort: number) => {
  const chunks: Buffer[] = [];
  const server: Server = createServer((inbound) => {
    const outbound = connect(targetPort, '127.0.0.1');
    inbound.on('data', (chunk) => chunks.push(Buffer.from(chunk)));
    outbound.on('data', (chunk) => chunks.push(Buffer.from(chunk)));
    inbound.pipe(outbound).pipe(inbound);
    inbound.on('error', () => outbound.destroy());
    outbound.on('error', () => inbound.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    bytes: () => Buffer.concat(chunks),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

describe('who may join a live class, and what crosses the wire', () => {
  let dir: string;
  let host: ClassHost;

  beforeAll(async () => {
    dir = makeClassDir();
    host = await openHost(dir);
  });
  afterAll(async () => {
    await host.close();
    removeDir(dir);
  });

  it('refuses a wrong code: the handshake fails and the PC never appears', async () => {
    const student = makeStudent('PC-WRONG');
    const wrong = host.view().code === 'ABCDEF' ? 'ABCDEG' : 'ABCDEF';
    await expect(student.member.join({ host: '127.0.0.1', port: host.view().port }, wrong)).rejects.toThrow(
      'wrong-secret',
    );
    expect(student.member.state().phase).toBe('refused');
    expect(host.view().pending).toEqual([]);
  });

  it('refuses an expired code, and the new code works', async () => {
    const shortDir = makeClassDir();
    const short = await openHost(shortDir, { codeTtlMs: 300 });
    const old = short.view().code;
    await waitFor('a new code', () => short.view().code !== old);
    const student = makeStudent('PC-LATE');
    await expect(student.member.join({ host: '127.0.0.1', port: short.view().port }, old)).rejects.toThrow();
    // The new code works. With a 300 ms lifetime on a loaded machine the code may turn over
    // again during the handshake; only then is it tried again with the code of the moment.
    const fresh = makeStudent('PC-ONTIME');
    for (let attempt = 0; ; attempt++) {
      const current = short.view().code;
      const joined = await fresh.member.join({ host: '127.0.0.1', port: short.view().port }, current).then(
        () => true,
        () => false,
      );
      if (joined) break;
      expect(short.view().code).not.toBe(current);
      expect(attempt).toBeLessThan(20);
    }
    await waitFor('waiting', () => fresh.member.state().phase === 'waiting');
    fresh.member.leave();
    await short.close();
    removeDir(shortDir);
  });

  it('gives an unadmitted PC nothing: its status is not shown and no command reaches it', async () => {
    const pc = await rawPc(host, 'PC-NOTYET');
    pc.sendJson({ t: 'status', status: statusAt(1) });
    expect(host.sendToStep('blink', 1)).toBe(0);
    expect(host.setLocked(false)).toBe(0);
    expect(host.hint(pc.pcId, 'hola')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(host.view().pcs).toEqual([]);
    expect(host.view().pending.map((p) => p.pcName)).toEqual(['PC-NOTYET']);
    expect(pc.received).toEqual([{ t: 'waiting' }]);
    pc.socket.terminate();
    await waitFor('pending gone', () => host.view().pending.length === 0);
  });

  it('refuses a credential the class never gave', async () => {
    await expect(
      connectToClass(
        { host: '127.0.0.1', port: host.view().port },
        randomUUID(),
        'credential',
        toB64(randomBytes(32)),
      ),
    ).rejects.toThrow();
  });

  it('refuses a replayed frame and a tampered frame: the connection ends, the grid keeps the last good status', async () => {
    for (const attack of ['replay', 'tamper'] as const) {
      const pc = await rawPc(host, `PC-${attack}`);
      host.admit(pc.pcId);
      await waitFor('admitted', () => pc.received.some((m) => (m as { t: string }).t === 'admitted'));
      const frame = pc.sendJson({ t: 'status', status: statusAt(0) });
      await waitFor('status in grid', () => host.view().pcs.find((p) => p.pcId === pc.pcId && p.status));
      if (attack === 'replay') pc.socket.send(frame);
      else {
        const next = pc.codec.seal(JSON.stringify({ t: 'status', status: statusAt(1) }));
        next[next.length - 20] ^= 0x01;
        pc.socket.send(next);
      }
      await closed(pc.socket);
      const shown = host.view().pcs.find((p) => p.pcId === pc.pcId);
      expect(shown).toMatchObject({ connected: false, status: { step: 0 } });
    }
  });

  it("refuses a PC asking for another PC's work, and any message outside the protocol", async () => {
    const [other] = [makeStudent('PC-OTHER')];
    await joinAndAdmit(host, [other]);
    other.member.report(statusAt(1));
    const pc = await rawPc(host, 'PC-NOSY');
    host.admit(pc.pcId);
    await waitFor('admitted', () => pc.received.some((m) => (m as { t: string }).t === 'admitted'));
    const before = pc.received.length;
    pc.sendJson({ t: 'get-work', pcId: other.pcId });
    await closed(pc.socket);
    expect(pc.received.length).toBe(before);
    // The class goes on for everyone else.
    expect(host.sendToStep('blink', 0)).toBe(1);
    await waitFor('other still served', () => other.commands.some((c) => c.t === 'goto'));
    other.member.leave();
  });

  it('survives fuzzed handshakes and frames, and still admits a well-behaved PC afterwards', async () => {
    const { port } = host.view();
    const junk: Array<Buffer | string> = [
      '{',
      JSON.stringify({ t: 'join', mode: 'code', pcId: 'x', nonce: '', share: '' }),
      JSON.stringify({
        t: 'join',
        mode: 'code',
        pcId: randomUUID(),
        nonce: 'AAAA',
        share: toB64(Buffer.alloc(32)),
      }),
      JSON.stringify({ t: 'confirm', mac: 'AAAA' }),
      'x'.repeat(20_000),
    ];
    for (let i = 0; i < 20; i++) junk.push(randomBytes(1 + ((i * 37) % 400)));
    for (const message of junk) {
      const socket = new WebSocket(`ws://127.0.0.1:${port}${classPath}`);
      await new Promise<void>((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      });
      socket.on('error', () => undefined);
      socket.send(message);
      await closed(socket);
    }
    const pc = await rawPc(host, 'PC-FUZZ');
    pc.sendJson({ t: 'status', status: { ...statusAt(0), extra: 'field' } });
    await closed(pc.socket);
    const good = makeStudent('PC-GOOD');
    await joinAndAdmit(host, [good]);
    expect(good.member.state().phase).toBe('admitted');
    good.member.leave();
  });

  it('sends no display name, PC name or lesson id in plaintext (a capture of the loopback traffic)', async () => {
    const proxy = await recordingProxy(host.view().port);
    const student = makeStudent('PC-SECRETA');
    await student.member.join({ host: '127.0.0.1', port: proxy.port }, host.view().code);
    await waitFor('waiting', () => host.view().pending.some((p) => p.pcId === student.pcId));
    host.admit(student.pcId);
    await waitFor('admitted', () => student.member.state().phase === 'admitted');
    student.member.pickName('n1');
    student.member.report(statusAt(1, { lessonId: 'traffic-light' }));
    await waitFor('grid', () => host.view().pcs.find((p) => p.displayName === 'Ana Lucía'));
    host.hint(student.pcId, 'Pista secreta');
    await waitFor('hint', () => student.member.state().hint === 'Pista secreta');
    const captured = proxy.bytes();
    expect(captured.length).toBeGreaterThan(500);
    for (const secret of [
      ...todayNames.map((n) => n.name),
      'Lucía',
      'PC-SECRETA',
      'traffic-light',
      'Pista secreta',
    ]) {
      expect({ secret, found: captured.includes(Buffer.from(secret, 'utf8')) }).toEqual({
        secret,
        found: false,
      });
    }
    student.member.leave();
    await proxy.close();
  });
});
