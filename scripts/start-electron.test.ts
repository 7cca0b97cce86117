// `npm start` on a machine without the Electron binary must end in one helpful line, not a stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./start-electron.mjs', import.meta.url));
const emptyDist = mkdtempSync(path.join(os.tmpdir(), 'ducha-no-electron-'));

afterAll(() => {
  rmSync(emptyDist, { recursive: true, force: true });
});

describe('scripts/start-electron.mjs', () => {
  it('says in one line that Electron is missing and points to the browser host', () => {
    const env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: emptyDist };
    const result = spawnSync(process.execPath, [script], { env, encoding: 'utf8', timeout: 20_000 });

    expect(result.error).toBeUndefined();
    expect(result.status).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Electron binary is not installed');
    expect(lines[0]).toContain('npm run start:browser');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).toBe('');
  });
});
