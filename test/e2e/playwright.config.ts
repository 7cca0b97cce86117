import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e',
  globalSetup: './global-setup.ts',
  fullyParallel: true,
  // One at a time: each spec runs a host, a Chromium and often a printing Chromium, and two of those at
  // once on a 2-core box took longer in all than one after another (measured: 219 s against 150 s
  // for the same eight specs), each step waiting on a processor the other spec held.
  workers: 1,
  retries: 0,
  // Loading the sample campaign (its JPEGs are encoded in the page) takes 10–30 s on a loaded 2-core box.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
