/**
 * One writer: every write transaction runs through this queue, one after another, so the single
 * write connection never interleaves two transactions and nothing waits on SQLITE_BUSY.
 */
export interface WriteQueue {
  push<T>(task: () => Promise<T>): Promise<T>;
  /** Resolves when everything queued so far has finished. */
  idle(): Promise<void>;
}

export const createWriteQueue = (): WriteQueue => {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    push<T>(task: () => Promise<T>) {
      const result = tail.then(task, task);
      tail = result.catch(() => undefined);
      return result;
    },
    idle: () => tail.then(() => undefined),
  };
};
