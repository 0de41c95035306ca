import { createSocket, type Socket } from 'node:dgram';
import dnsPacket from 'dns-packet';
import { afterEach, describe, expect, it } from 'vitest';
import {
  advertiseClass,
  classServiceType,
  findClasses,
  type ClassAdvert,
} from '../../../main/classroom/class-discovery';

/**
 * Discovery over real multicast on the loopback interface: one side advertises a class the way
 * the instructor's PC does, the other asks the way a student PC does. A port other than 5353
 * keeps the test away from any mDNS responder running on the machine.
 */
const mdnsPort = 15353 + Math.floor(Math.random() * 1000);
const lookHere = { interfaces: ['127.0.0.1'], waitMs: 1200, mdnsPort };

describe('finding an open class on the network (mDNS)', () => {
  const adverts: ClassAdvert[] = [];
  let listener: Socket | null = null;
  afterEach(() => {
    for (const advert of adverts.splice(0)) advert.stop();
    listener?.close();
    listener = null;
  });

  it('a student PC finds the open class: its address, port and label', async () => {
    adverts.push(
      advertiseClass({ address: '127.0.0.1', port: 47820, label: 'Robótica 1 — martes', mdnsPort }),
    );
    expect(await findClasses(lookHere)).toEqual([
      { label: 'Robótica 1 — martes', address: '127.0.0.1', port: 47820 },
    ]);
  });

  it('finds nothing once the class stops advertising (closed)', async () => {
    const advert = advertiseClass({ address: '127.0.0.1', port: 47821, label: 'Sala 2', mdnsPort });
    expect((await findClasses(lookHere)).map((c) => c.port)).toEqual([47821]);
    advert.stop();
    expect(await findClasses(lookHere)).toEqual([]);
  });

  it('lists two classes open at once; a label with control characters is cleaned', async () => {
    adverts.push(advertiseClass({ address: '127.0.0.1', port: 47830, label: 'B\u0000 tarde\n', mdnsPort }));
    adverts.push(advertiseClass({ address: '127.0.0.1', port: 47831, label: 'A mañana', mdnsPort }));
    expect(await findClasses(lookHere)).toEqual([
      { label: 'A mañana', address: '127.0.0.1', port: 47831 },
      { label: 'B tarde', address: '127.0.0.1', port: 47830 },
    ]);
  });

  it('what goes on the wire is the address, the port and the label: nothing else', async () => {
    const seen: dnsPacket.Packet[] = [];
    listener = createSocket({ type: 'udp4', reuseAddr: true });
    await new Promise<void>((resolve) => listener?.bind(mdnsPort, resolve));
    listener.addMembership('224.0.0.251', '127.0.0.1');
    listener.on('message', (message) => seen.push(dnsPacket.decode(message)));
    adverts.push(advertiseClass({ address: '127.0.0.1', port: 47840, label: 'Clase 3', mdnsPort }));
    await findClasses(lookHere);
    const answers = seen.filter((p) => p.type === 'response');
    expect(answers.length).toBeGreaterThan(0);
    for (const packet of answers) {
      const records = [...(packet.answers ?? []), ...(packet.additionals ?? [])];
      expect(records.map((r) => r.type).sort()).toEqual(['A', 'PTR', 'SRV', 'TXT']);
      const txt = records.find((r) => r.type === 'TXT');
      expect(txt?.type === 'TXT' && [txt.data].flat().map(String)).toEqual(['label=Clase 3']);
      const ptr = records.find((r) => r.type === 'PTR');
      expect(ptr?.name).toBe(classServiceType);
      // The instance and host names are random, not the PC's or anyone's name.
      expect(ptr?.type === 'PTR' && ptr.data).toMatch(/^chispa-[0-9a-f]{12}\._chispa-class\._tcp\.local$/);
    }
  });
});
