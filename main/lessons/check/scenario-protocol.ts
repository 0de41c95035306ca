/** Messages from a behaviour-check thread (scenario-worker.ts) to main. */
import type { ScenarioTrace } from '../../../common/lessons/pin-trace';

/** Real ms between heartbeats while a scenario runs. */
export const HEARTBEAT_MS = 250;

export type ScenarioMessage =
  | { type: 'alive' }
  | { type: 'trace'; trace: ScenarioTrace }
  | { type: 'crashed'; detail: string };
