/**
 * Finding an open class on the centre's network with mDNS/DNS-SD (multicast-dns). The
 * instructor's PC answers only while a class is open, only on the interface the class listens
 * on, and only to queries from that interface's own subnet. An answer carries the address, the
 * port and the label the instructor typed: never the code, a name or anything about the class.
 */
import { randomBytes } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import makeMdns from 'multicast-dns';
import type { Answer } from 'dns-packet';
import type { FoundClass } from '../../common/ipc/contract-classroom';

export const classServiceType = '_chispa-class._tcp.local';
const classLabelMaxLength = 40;

const ipv4ToNumber = (address: string): number =>
  address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);

/** The netmask of this PC's interface with this IPv4 address (null: not an address here). */
const netmaskOf = (address: string): string | null => {
  for (const entries of Object.values(networkInterfaces())) {
    const entry = (entries ?? []).find((e) => e.family === 'IPv4' && e.address === address);
    if (entry) return entry.netmask;
  }
  return null;
};

const sameSubnet = (a: string, b: string, netmask: string): boolean => {
  const mask = ipv4ToNumber(netmask);
  return (ipv4ToNumber(a) & mask) === (ipv4ToNumber(b) & mask);
};

/** Printable text only, at most 40 characters. */
const cleanClassLabel = (label: string): string =>
  label
    .replace(/[\p{C}]/gu, '')
    .trim()
    .slice(0, classLabelMaxLength);

export interface ClassAdvert {
  stop(): void;
}

/** Answers "which Chispa classes are here?" on one interface until stopped. */
export const advertiseClass = (options: {
  address: string;
  port: number;
  label: string;
  /** mDNS port (5353); tests may use another. */
  mdnsPort?: number;
}): ClassAdvert => {
  const netmask = netmaskOf(options.address) ?? '255.255.255.255';
  const id = randomBytes(6).toString('hex');
  const instance = `chispa-${id}.${classServiceType}`;
  const host = `chispa-${id}.local`;
  const mdns = makeMdns({ interface: options.address, bind: '0.0.0.0', port: options.mdnsPort });
  mdns.on('warning', () => undefined);
  mdns.on('error', () => undefined);
  mdns.on('query', (query, rinfo) => {
    if (!sameSubnet(rinfo.address, options.address, netmask)) return;
    if (!query.questions.some((q) => q.name === classServiceType && q.type === 'PTR')) return;
    const additionals: Answer[] = [
      { name: instance, type: 'SRV', ttl: 120, data: { port: options.port, target: host } },
      { name: instance, type: 'TXT', ttl: 120, data: [`label=${cleanClassLabel(options.label)}`] },
      { name: host, type: 'A', ttl: 120, data: options.address },
    ];
    mdns.respond({
      answers: [{ name: classServiceType, type: 'PTR', ttl: 120, data: instance }],
      additionals,
    });
  });
  return { stop: () => mdns.destroy() };
};

const txtLabel = (data: unknown): string => {
  const items = Array.isArray(data) ? data : [data];
  for (const item of items) {
    const text = Buffer.isBuffer(item) ? item.toString('utf8') : String(item);
    if (text.startsWith('label=')) return cleanClassLabel(text.slice('label='.length));
  }
  return '';
};

/**
 * Asks on each of this PC's IPv4 interfaces (or the ones given) and gathers the answers for
 * `waitMs`. Answers that do not make sense (no port, an address that is not IPv4) are dropped.
 */
export const findClasses = async (
  options: {
    interfaces?: string[];
    waitMs?: number;
    mdnsPort?: number;
  } = {},
): Promise<FoundClass[]> => {
  const interfaces =
    options.interfaces ??
    Object.values(networkInterfaces()).flatMap((entries) =>
      (entries ?? []).filter((e) => e.family === 'IPv4').map((e) => e.address),
    );
  const found = new Map<string, FoundClass>();
  const sockets = interfaces.map((address) => {
    const mdns = makeMdns({ interface: address, bind: '0.0.0.0', port: options.mdnsPort });
    mdns.on('warning', () => undefined);
    mdns.on('error', () => undefined);
    mdns.on('response', (response) => {
      const records = [...response.answers, ...(response.additionals ?? [])];
      for (const ptr of records) {
        if (ptr.type !== 'PTR' || ptr.name !== classServiceType) continue;
        const srv = records.find((r) => r.type === 'SRV' && r.name === ptr.data);
        const txt = records.find((r) => r.type === 'TXT' && r.name === ptr.data);
        const label = txt?.type === 'TXT' ? txtLabel(txt.data) : '';
        if (srv?.type !== 'SRV') continue;
        const a = records.find((r) => r.type === 'A' && r.name === srv.data.target);
        if (a?.type !== 'A' || !/^\d{1,3}(\.\d{1,3}){3}$/.test(a.data)) continue;
        const port = srv.data.port;
        if (!Number.isInteger(port) || port < 1 || port > 65535) continue;
        found.set(`${a.data}:${port}`, { label, address: a.data, port });
      }
    });
    mdns.query({ questions: [{ name: classServiceType, type: 'PTR' }] });
    return mdns;
  });
  await new Promise((resolve) => setTimeout(resolve, options.waitMs ?? 1500));
  for (const mdns of sockets) mdns.destroy();
  return [...found.values()].sort(
    (a, b) => a.label.localeCompare(b.label) || a.address.localeCompare(b.address),
  );
};
