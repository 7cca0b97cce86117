// Bundles the central server (server/src/main.ts) into one ESM file Node 20 runs: Node 20 cannot run
// TypeScript. Packages stay external (fastify, better-sqlite3's native module, pg, zod): they load
// from node_modules at run time, as `npm install` left them.
import { build } from 'esbuild';

const outfile = 'dist/server/main.mjs';

try {
  await build({
    entryPoints: ['server/src/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  console.log(`Built ${outfile}`);
} catch (error) {
  // esbuild has already printed the errors with their locations.
  console.error(
    `build-server failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
  );
  process.exit(1);
}
