// The large city of the first-sync part, on a real Ducha server: the sample campaign generated in Node
// (the generator bundled from the tree, as the page's is in bench/support.mjs), every field of every
// record made one operation by one reference laptop (clocks from one node, as if one laptop had typed
// the whole city), and pushed in batches as a laptop pushes — filled fast, without a browser. Not timed.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { CAMPAIGN_SEED, CAMPAIGN_TODAY, REPO } from '../support.mjs';
import { DuchaCity } from '../sync-server/ducha-city.mjs';

export const BENCH_TEAM = 'team-bench-sync';

const GENERATOR_SOURCE = [
  "export { generateCampaign } from './shared/sample/campaign';",
  "export { SYNCED_TABLES } from './shared/sync/tables';",
].join('\n');

/** The sample generator and the synced tables' names, bundled for Node into the kit's cache folder. */
async function loadGenerator() {
  const folder = join(REPO, 'node_modules', '.cache', `ducha-bench-laptop-sync-${process.pid}`);
  mkdirSync(folder, { recursive: true });
  const outfile = join(folder, 'generator.mjs');
  await build({
    stdin: {
      contents: GENERATOR_SOURCE,
      resolveDir: REPO,
      loader: 'ts',
      sourcefile: 'laptop-sync-generator.ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
    outfile,
  });
  return import(outfile);
}

/**
 * A fresh server whose team log holds the campaign at `scale`; resolves with the city, the number of
 * operations and rows per table it holds, and the bytes of their JSON.
 */
export async function largeCity(kit, scale, say) {
  const { generateCampaign, SYNCED_TABLES } = await loadGenerator();
  say(`generating the campaign (${JSON.stringify(scale)})`);
  const campaign = await generateCampaign({ seed: CAMPAIGN_SEED, today: CAMPAIGN_TODAY, scale });
  const city = await DuchaCity.start(kit, { name: 'SQLite' }, { teams: [BENCH_TEAM], label: 'laptop-sync' });
  // The protocol's 1 MiB per push holds 500 of the longest issue fields with room to spare.
  const filler = await city.laptop(BENCH_TEAM, 'bench-filler', { pushBatch: 500, pushesInFlight: 2 });
  const rows = {};
  for (const table of SYNCED_TABLES) {
    rows[table] = campaign[table]?.length ?? 0;
    for (const record of campaign[table] ?? []) {
      for (const [field, value] of Object.entries(record)) {
        // The row id is the operation's, not a field; an absent optional field is no operation.
        if (field === 'id' || value === undefined) continue;
        filler.edit(table, record.id, field, value);
      }
    }
  }
  const operations = filler.outbox.size;
  const bytes = [...filler.outbox.values()].reduce((sum, op) => sum + JSON.stringify(op).length, 0);
  say(`pushing ${operations} operations`);
  await filler.push();
  if (filler.refused.size > 0) {
    const reasons = [...new Set(filler.refused.values())].join(', ');
    throw new Error(`the server refused ${filler.refused.size} of the city's operations (${reasons})`);
  }
  return { city, operations, rows, bytes, filler };
}
