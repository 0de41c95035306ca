import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChispaCallError } from '../../../renderer/ipc/client';
import { createAutosave, type AutosaveState } from '../../../renderer/projects/autosave';

const diskFull = new ChispaCallError({ code: 'storage.disk-full', messageKey: 'storage.error.disk-full' });

describe('autosave flush (before "Nuevo" or opening another project)', () => {
  afterEach(() => vi.useRealTimers());

  it('saves a waiting change at once and says it is on disk', async () => {
    vi.useFakeTimers();
    const saved: number[] = [];
    let version = 0;
    const autosave = createAutosave({
      save: async () => void saved.push(version),
      onState: () => {},
    });
    version = 1;
    autosave.schedule();
    expect(saved).toEqual([]);
    expect(await autosave.flush()).toBe(true);
    expect(saved).toEqual([1]);
    // Nothing waiting: nothing saved again.
    expect(await autosave.flush()).toBe(true);
    expect(saved).toEqual([1]);
  });

  it('waits for a change made during a save to be saved too', async () => {
    const saved: number[] = [];
    const releases: (() => void)[] = [];
    let version = 1;
    const autosave = createAutosave({
      save: () => {
        const value = version;
        return new Promise<void>((resolve) =>
          releases.push(() => {
            saved.push(value);
            resolve();
          }),
        );
      },
      onState: () => {},
      delayMs: 10_000,
    });
    autosave.schedule();
    const first = autosave.flush(); // the save of version 1 starts
    expect(releases).toHaveLength(1);
    version = 2;
    autosave.schedule(); // changed while version 1 is being saved
    const flushed = autosave.flush();
    releases[0]!();
    await vi.waitFor(() => expect(releases).toHaveLength(2));
    releases[1]!();
    // Both flushes end only once version 2 is saved.
    expect(await first).toBe(true);
    expect(await flushed).toBe(true);
    expect(saved).toEqual([1, 2]);
  });

  it('says false while the disk is full, keeps trying on each flush, and true once a save works', async () => {
    const states: AutosaveState[] = [];
    let full = true;
    let attempts = 0;
    const autosave = createAutosave({
      save: async () => {
        attempts += 1;
        if (full) throw diskFull;
      },
      onState: (state) => states.push(state),
      delayMs: 10_000,
    });
    autosave.schedule();
    expect(await autosave.flush()).toBe(false);
    expect(states.at(-1)).toBe('disk-full');
    // The failed work is tried again, not forgotten.
    expect(await autosave.flush()).toBe(false);
    expect(attempts).toBe(2);
    full = false;
    expect(await autosave.flush()).toBe(true);
    expect(states.at(-1)).toBe('saved');
    expect(attempts).toBe(3);
  });
});
