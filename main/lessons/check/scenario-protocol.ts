/** Messages from a behaviour-check thread (scenario-worker.ts) to main. */
import type { ScenarioTrace } from '../../../common/lessons/pin-trace';

/** Real ms between heartbeats while a scenario runs. */
export const HEARTBEAT_MS = 250;

/** What the scenario itself cost (board boot excluded): for benchmarks. */
export interface ScenarioCost {
  simulatedMs: number;
  /** CPU time of the check thread while the scenario ran (null where it cannot be read). */
  threadCpuMs: number | null;
}

export type ScenarioMessage =
  | { type: 'alive' }
  | { type: 'trace'; trace: ScenarioTrace; cost: ScenarioCost }
  | { type: 'crashed'; detail: string };
