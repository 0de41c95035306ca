import { citusMissing } from './citus-cluster';
import type { TrackerEngine } from './start-test-tracker';

/** Why the Citus tests cannot run on this machine, or null (CI must have Citus: a skip fails there). */
export const citusSkipReason = await citusMissing();

/** Every engine the tracker runs on. */
export const trackerEngines: TrackerEngine[] = ['postgres', 'pglite', 'citus'];

/** A describe title that says why a Citus block is skipped. */
export const engineTitle = (title: string, engine: TrackerEngine) =>
  engine === 'citus' && citusSkipReason ? `${title} (skipped: ${citusSkipReason})` : title;

export const skipEngine = (engine: TrackerEngine) => engine === 'citus' && citusSkipReason !== null;
