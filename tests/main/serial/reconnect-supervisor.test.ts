/** Automatic reconnect decisions, with a scripted port list and a recording board. */
import { describe, expect, it } from 'vitest';
import type { BoardStatus, BoardTarget } from '../../../common/ipc/contract-board';
import type { RawPortInfo } from '../../../common/serial/recognise-port';
import { createPortLister } from '../../../main/serial/port-lister';
import { createPortWatcher } from '../../../main/serial/port-watcher';
import { createReconnectSupervisor, type BoardControl } from '../../../main/serial/reconnect-supervisor';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const status = (state: BoardStatus['state'], path: string | null): BoardStatus => ({
  state,
  target: path ? { kind: 'serial', path } : null,
  firmware: null,
  messageKey: null,
  canPrepare: false,
});

const setup = (initial: RawPortInfo[], glitchMs = 3000) => {
  let raw = initial;
  const connects: BoardTarget[] = [];
  const board: BoardControl = {
    status: () => status('idle', null),
    connect: async (target) => {
      connects.push(target);
      return status('ready', target.kind === 'serial' ? target.path : null);
    },
    disconnect: async () => status('idle', null),
  };
  const watcher = createPortWatcher({
    list: createPortLister({ listRaw: async () => raw }),
    pathExists: () => false,
  });
  const supervisor = createReconnectSupervisor({ board, watcher, settleMs: 10, pollMs: 20, glitchMs });
  return { supervisor, watcher, connects, setPorts: (ports: RawPortInfo[]) => (raw = ports) };
};

const genuine = { vendorId: '2341', productId: '0043', serialNumber: '95530343' };

describe('reconnect supervisor', () => {
  it('reconnects a genuine Uno that came back on another path (same USB serial number)', async () => {
    const rig = setup([{ path: '/dev/ttyACM0', ...genuine }]);
    await rig.watcher.refresh();
    rig.supervisor.onBoardState(status('lost', '/dev/ttyACM0'));
    rig.setPorts([]);
    await sleep(60);
    expect(rig.connects).toEqual([]);
    rig.setPorts([{ path: '/dev/ttyACM1', ...genuine }]);
    await sleep(120);
    expect(rig.connects).toEqual([{ kind: 'serial', path: '/dev/ttyACM1' }]);
    expect(rig.supervisor.waitingFor()).toBeNull();
    rig.supervisor.dispose();
  });

  it('does not take another board of the same model for the lost one', async () => {
    const rig = setup([{ path: '/dev/ttyACM0', ...genuine }]);
    await rig.watcher.refresh();
    rig.supervisor.onBoardState(status('lost', '/dev/ttyACM0'));
    rig.setPorts([{ path: '/dev/ttyACM1', ...genuine, serialNumber: 'OTHER' }]);
    await sleep(150);
    expect(rig.connects).toEqual([]);
    rig.supervisor.dispose();
  });

  it('waits for a port that never left the list (a glitch) before reconnecting it', async () => {
    const rig = setup([{ path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523' }], 200);
    await rig.watcher.refresh();
    rig.supervisor.onBoardState(status('lost', '/dev/ttyUSB0'));
    await sleep(100);
    expect(rig.connects).toEqual([]);
    await sleep(300);
    expect(rig.connects).toEqual([{ kind: 'serial', path: '/dev/ttyUSB0' }]);
    rig.supervisor.dispose();
  });

  it('stops waiting when the user chooses something else, and while a board is being prepared', async () => {
    const rig = setup([{ path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523' }]);
    await rig.watcher.refresh();
    rig.supervisor.onBoardState(status('lost', '/dev/ttyUSB0'));
    rig.supervisor.onBoardState(status('connecting', null));
    rig.setPorts([]);
    await sleep(50);
    rig.setPorts([{ path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523' }]);
    await sleep(100);
    expect(rig.connects).toEqual([]);

    rig.supervisor.onBoardState(status('lost', '/dev/ttyUSB0'));
    const resume = rig.supervisor.pause();
    rig.setPorts([]);
    await sleep(50);
    rig.setPorts([{ path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523' }]);
    await sleep(100);
    expect(rig.connects).toEqual([]);
    resume();
    await sleep(100);
    expect(rig.connects).toEqual([{ kind: 'serial', path: '/dev/ttyUSB0' }]);
    rig.supervisor.dispose();
  });
});
