/**
 * Entry of the program worker (bundled as dist/renderer/program.program-worker.js and served
 * with a CSP that allows eval and no network, no nested workers). The scope is locked down before
 * anything else runs; the host then talks to the page only through the channel kept aside.
 */
import { startProgramHost } from './program-host';
import { lockDownWorkerScope } from './worker-lockdown';

startProgramHost(lockDownWorkerScope(self), {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
});
