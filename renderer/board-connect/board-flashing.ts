/** "A board is being prepared" as a tiny observable the runner can read (Run stays off meanwhile). */
export interface BoardFlashing {
  isFlashing(): boolean;
  onChange(listener: (flashing: boolean) => void): () => void;
}

export interface BoardFlashingSource extends BoardFlashing {
  set(flashing: boolean): void;
}

export const createBoardFlashing = (): BoardFlashingSource => {
  let flashing = false;
  const listeners = new Set<(flashing: boolean) => void>();
  return {
    isFlashing: () => flashing,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      if (next === flashing) return;
      flashing = next;
      for (const listener of [...listeners]) listener(next);
    },
  };
};
