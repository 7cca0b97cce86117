// `npm run bench`: runs every bench/*.bench.mjs in turn, each in its own Node process, and says at the
// end which ones ran. Benchmarks print ratios against baselines measured in the same run; a missed
// target is reported by the benchmark ("MISSED"), not turned into a failure. The exit code is non-zero
// only when a benchmark could not run at all (for example, the app is not built).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((name) => f.includes(name)))
  .sort();

if (benches.length === 0) {
  console.error(`bench: nothing to run${only.length ? ` matching ${only.join(', ')}` : ''}`);
  process.exit(1);
}

const failed = [];
for (const [i, file] of benches.entries()) {
  if (i > 0) console.log('');
  console.log(`=== ${file} (${new Date().toISOString()})`);
  const result = spawnSync(process.execPath, [join(dir, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed.push(`${file} (exit ${result.status ?? result.signal})`);
}

console.log('');
if (failed.length > 0) {
  console.error(`bench: ${failed.length} of ${benches.length} could not run: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`bench: ${benches.length} benchmark${benches.length === 1 ? '' : 's'} ran`);
