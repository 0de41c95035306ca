// Type-checks each environment with its own config, so a DOM type in common/
// or a Node type in renderer/ is an error (the rooms of docs/architecture.md, "Rooms").
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const configs = ['common', 'blocks', 'main', 'renderer', 'tracker', 'tests', 'bench'].map(
  (room) => `tsconfig.${room}.json`,
);
let failed = false;
for (const config of configs) {
  if (!existsSync(config)) continue;
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', config], {
    stdio: 'inherit',
  });
  console.log(`typecheck ${config}: ${result.status === 0 ? 'ok' : 'FAILED'}`);
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
