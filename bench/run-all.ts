/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process, one after another (they
 * measure time and CPU, so they must not share the machine). Each prints lines
 * "bench: <name> = <value> <unit>". Pass names to run a subset: npm run bench -- virtual-uno
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();
let failures = 0;
for (const file of files) {
  console.log(`# ${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${file}`], { stdio: 'inherit' });
  if (result.status !== 0) {
    failures += 1;
    console.log(`bench: ${file} failed (exit ${result.status})`);
  }
}
process.exit(failures ? 1 : 0);
