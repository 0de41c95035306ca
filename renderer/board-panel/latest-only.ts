/**
 * Sends at most one request at a time and, while one is in flight, keeps only the newest value
 * (a pot turned fast sends its last position, not a queue of stale ones).
 */
export const latestOnly = <T>(send: (value: T) => Promise<unknown>, onError?: (error: unknown) => void) => {
  let busy = false;
  let queued: { value: T } | null = null;
  const pump = async (value: T): Promise<void> => {
    busy = true;
    try {
      await send(value);
    } catch (error) {
      onError?.(error);
    }
    const next = queued;
    queued = null;
    if (next) await pump(next.value);
    else busy = false;
  };
  return (value: T): void => {
    if (busy) queued = { value };
    else void pump(value);
  };
};
