/**
 * One owner per port at a time (docs/architecture.md, "The board path"): "connected" (the board service holds it, idle),
 * "running" (a student program drives it) or "flashing" (Prepare board). Flashing while a program
 * runs is refused: stopping a child's program behind their back is worse than asking them to press
 * Stop. A connected-but-idle board is released by the flasher itself (it disconnects first).
 */
import { AppError } from '../../common/ipc/app-error';

export type PortOwner = 'connected' | 'running' | 'flashing';

export interface PortLease {
  readonly path: string;
  readonly owner: PortOwner;
  release(): void;
}

export interface PortOwnership {
  ownerOf(path: string): PortOwner | null;
  /** Takes the port for `owner`; throws serial.port-owned if someone else holds it. */
  claim(path: string, owner: PortOwner): PortLease;
  /** The runner marks a program start/stop on a connected port. */
  setRunning(path: string, running: boolean): void;
}

/**
 * Who may take a port from whom: a free port goes to anyone; a connected board may start running
 * (and goes back to connected when the run ends). Everything else is refused, including flashing
 * over a connected board: the flasher disconnects the board service first, which frees the port.
 */
const mayTake = (current: PortOwner | null, wanted: PortOwner): boolean =>
  current === null || (current === 'connected' && wanted === 'running');

interface Holding {
  owner: PortOwner;
  token: symbol;
  /** The connected claim a run sits on; gone when that one is released. */
  base: Holding | null;
}

export const createPortOwnership = (): PortOwnership => {
  const owners = new Map<string, Holding>();
  const running = new Map<string, PortLease>();
  const refuse = (path: string, current: PortOwner): never => {
    throw new AppError('serial.port-owned', {
      messageKey:
        current === 'running' || current === 'flashing'
          ? `error.serial.port-owned.${current}`
          : 'error.serial.port-owned',
      params: { path, owner: current },
    });
  };
  const claim = (path: string, owner: PortOwner): PortLease => {
    const current = owners.get(path) ?? null;
    if (!mayTake(current?.owner ?? null, owner)) refuse(path, current!.owner);
    const holding: Holding = { owner, token: Symbol(owner), base: current };
    owners.set(path, holding);
    return {
      path,
      owner,
      release() {
        const held = owners.get(path);
        if (held === holding) {
          // A run taken over a connected board hands it back to "connected".
          if (holding.base) owners.set(path, holding.base);
          else owners.delete(path);
        } else if (held?.base === holding) {
          // The connection under a run closed (cable pulled): the run has no port any more.
          owners.delete(path);
          running.delete(path);
        }
      },
    };
  };
  return {
    ownerOf: (path) => owners.get(path)?.owner ?? null,
    claim,
    setRunning(path, isRunning) {
      if (isRunning) {
        if (!running.has(path)) running.set(path, claim(path, 'running'));
      } else {
        running.get(path)?.release();
        running.delete(path);
      }
    },
  };
};
