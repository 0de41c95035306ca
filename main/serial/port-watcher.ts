/**
 * Watches for boards plugged in and pulled out by polling the port list (serialport has no
 * hot-plug events) and diffing. Paths typed by hand (never listed: ptys, some adapters) are
 * watched by checking that the device node exists.
 */
import { existsSync } from 'node:fs';
import {
  diffPortLists,
  recognisePort,
  sortPorts,
  type PortListDiff,
} from '../../common/serial/recognise-port';
import { maxTypedPorts } from '../../common/serial/typed-port-path';
import type { PortListing } from './port-lister';

export interface PortWatcher {
  /** The latest listing (lists once if never listed). */
  current(): Promise<PortListing>;
  /** Lists now and notifies listeners of changes. */
  refresh(): Promise<PortListing>;
  /** Also watch this path although the OS does not list it (the latest few: see maxTypedPorts). */
  addManualPath(path: string): void;
  onChange(listener: (listing: PortListing, diff: PortListDiff) => void): () => void;
  start(): void;
  stop(): void;
}

export const createPortWatcher = (options: {
  list: () => Promise<PortListing>;
  intervalMs?: number;
  pathExists?: (path: string) => boolean;
}): PortWatcher => {
  const intervalMs = options.intervalMs ?? 1500;
  const pathExists = options.pathExists ?? existsSync;
  const manualPaths = new Set<string>();
  const listeners = new Set<(listing: PortListing, diff: PortListDiff) => void>();
  let last: PortListing | null = null;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<PortListing> | null = null;

  const listOnce = async (): Promise<PortListing> => {
    const listing = await options.list();
    const listed = new Set(listing.ports.map((port) => port.path));
    const manual = [...manualPaths]
      .filter((path) => !listed.has(path) && pathExists(path))
      .map((path) => recognisePort({ path }, { manual: true }));
    return { ports: sortPorts([...listing.ports, ...manual]), problemKey: listing.problemKey };
  };

  const refresh = (): Promise<PortListing> => {
    // One listing at a time: udevadm can be slow on a loaded lab PC.
    inFlight ??= listOnce()
      .then((listing) => {
        const previous = last;
        last = listing;
        const diff = diffPortLists(previous?.ports ?? [], listing.ports);
        if (
          previous &&
          (diff.added.length || diff.removed.length || previous.problemKey !== listing.problemKey)
        ) {
          for (const listener of [...listeners]) listener(listing, diff);
        }
        return listing;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  return {
    current: () => (last ? Promise.resolve(last) : refresh()),
    refresh,
    addManualPath(path) {
      // Most recent last; each refresh checks every one on disk, so only a few are kept.
      manualPaths.delete(path);
      manualPaths.add(path);
      for (const oldest of manualPaths) {
        if (manualPaths.size <= maxTypedPorts) break;
        manualPaths.delete(oldest);
      }
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (timer) return;
      void refresh().catch(() => undefined);
      timer = setInterval(() => void refresh().catch(() => undefined), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
};
