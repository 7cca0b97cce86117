// Node 20 cannot run TypeScript, so the bench bundles at its start, with esbuild, what it needs of the
// sources as they are in the tree: the server itself (server/src/main.ts, as `npm run server` runs it)
// and a "kit" of what the bench drives it with — the reference laptop written from the protocol, the
// admin CLI, the two databases' schemas and the protocol's limits. Packages stay external and load
// from the repository's node_modules, so the bundles are written under node_modules/.cache (a bare
// import from a file elsewhere, e.g. /tmp, would not find them).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO } from '../support.mjs';

const KIT_SOURCE = [
  "export { ReferenceLaptop, mergedText } from './server/test/support/reference-client';",
  "export { runAdmin } from './server/src/cli';",
  "export { SQLITE_MIGRATIONS } from './server/src/store/sqlite-schema';",
  "export { POSTGRES_MIGRATIONS } from './server/src/store/postgres-schema';",
  "export { CHUNK_MAX_BYTES, PUSH_MAX_OPERATIONS, MissingReplySchema } from './shared/sync/protocol';",
].join('\n');

const COMMON = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'error',
};

/** Builds both bundles into a folder of this process; resolves with the kit's exports and the server's file. */
export async function buildKit() {
  const folder = join(REPO, 'node_modules', '.cache', `ducha-bench-sync-server-${process.pid}`);
  mkdirSync(folder, { recursive: true });
  const serverFile = join(folder, 'server.mjs');
  const kitFile = join(folder, 'kit.mjs');
  await Promise.all([
    build({ ...COMMON, entryPoints: [join(REPO, 'server', 'src', 'main.ts')], outfile: serverFile }),
    build({
      ...COMMON,
      stdin: { contents: KIT_SOURCE, resolveDir: REPO, loader: 'ts', sourcefile: 'sync-bench-kit.ts' },
      outfile: kitFile,
    }),
  ]);
  const kit = await import(kitFile);
  return { ...kit, serverFile, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
