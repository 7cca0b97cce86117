// Bundles the host side: Electron's main process and preload, and the browser host.
// The page itself is built by Vite (npm run build:renderer).
import { build } from 'esbuild';

const common = {
  bundle: true,
  sourcemap: true,
  logLevel: 'warning',
  tsconfig: 'electron/tsconfig.json',
};

const targets = [
  {
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist/electron/main.cjs',
    platform: 'node',
    format: 'cjs',
    target: 'node22', // Electron 45 runs Node 22
    external: ['electron'],
  },
  {
    // Sandboxed preloads can require only "electron" (and a few browser-safe modules): bundle the rest.
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist/electron/preload.cjs',
    platform: 'browser',
    format: 'cjs',
    target: 'chrome140',
    external: ['electron'],
  },
  {
    // No dependency of the browser host needs require(); if one ever does, add a createRequire banner.
    entryPoints: ['electron/browser/server.ts'],
    outfile: 'dist/browser-host/server.mjs',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Prints PDFs by driving Chromium; resolved from node_modules at run time, not bundled.
    external: ['playwright-core'],
  },
];

try {
  await Promise.all(targets.map((target) => build({ ...common, ...target })));
  console.log(`Built ${targets.map((t) => t.outfile).join(', ')}`);
} catch (error) {
  // esbuild has already printed the errors with their locations.
  console.error(
    `build-host failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
  );
  process.exit(1);
}
