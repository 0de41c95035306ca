import { ChispaCallError } from '../ipc/client';

export type AutosaveState = 'idle' | 'saving' | 'saved' | 'error' | 'disk-full';

/**
 * Saves to main a moment after each change (debounced), one save at a time; a change during a
 * save schedules one more. `flush` saves now (page hide, before New/Open) and says if it worked. `save` sends the
 * current state (the project autosave, or a lesson step's work).
 */
export const createAutosave = (options: {
  save: () => Promise<unknown>;
  onState: (state: AutosaveState) => void;
  delayMs?: number;
}) => {
  const delayMs = options.delayMs ?? 700;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> | null = null;
  let dirty = false;
  /** The last save failed: the newest work is only in the page until a save succeeds. */
  let failed = false;

  const save = async (): Promise<void> => {
    if (saving) {
      dirty = true;
      return saving;
    }
    dirty = false;
    options.onState('saving');
    saving = options
      .save()
      .then(
        () => {
          failed = false;
          options.onState(dirty ? 'saving' : 'saved');
        },
        (error: unknown) => {
          failed = true;
          console.warn('autosave failed', error);
          const diskFull = error instanceof ChispaCallError && error.error.code === 'storage.disk-full';
          options.onState(diskFull ? 'disk-full' : 'error');
        },
      )
      .finally(() => {
        saving = null;
        if (dirty) void save();
      });
    return saving;
  };

  return {
    /** Something changed: save soon. */
    schedule() {
      clearTimeout(timer);
      options.onState('saving');
      timer = setTimeout(() => {
        timer = undefined;
        void save();
      }, delayMs);
    },
    /**
     * Saves right away a change still waiting (or one whose save failed) and waits until every
     * save has finished; true when the newest work is on disk.
     */
    async flush(): Promise<boolean> {
      if (timer !== undefined || failed) dirty = true;
      clearTimeout(timer);
      timer = undefined;
      while (saving || dirty) {
        if (saving) await saving;
        else await save();
      }
      return !failed;
    },
    pending: () => timer !== undefined || saving !== null,
  };
};
