import type { EventName, EventPayload } from '../../common/ipc/contract';

export type EventListener = (name: EventName, payload: unknown) => void;

/** Fans main-side events out to every connected window or tab, whatever the transport. */
export interface EventHub {
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  subscribe(listener: EventListener): () => void;
}

export const createEventHub = (): EventHub => {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      for (const listener of [...listeners]) {
        try {
          listener(name, payload);
        } catch {
          // One broken connection must not stop the others from hearing the event.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};
