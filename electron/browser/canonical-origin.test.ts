// One stable address (issue 19): the port is remembered in the data folder on the first start and
// used on every start after; a port taken is said so, never worked around by moving the person to an
// address where their data would look gone.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { choosePort, portTakenLine, rememberedPort, rememberPort } from './canonical-origin';
import { DEFAULT_PORT } from './config';

let dataDir = '';
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ducha-origin-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the remembered port', () => {
  it('is the default on a first start, remembered then, and the one used after', async () => {
    expect(await rememberedPort(dataDir)).toBeNull();
    const first = choosePort(null, await rememberedPort(dataDir));
    expect(first).toEqual({ port: DEFAULT_PORT, remember: true, warning: null });
    await rememberPort(dataDir, first.port);
    expect(await rememberedPort(dataDir)).toBe(DEFAULT_PORT);
    expect(choosePort(null, await rememberedPort(dataDir))).toEqual({
      port: DEFAULT_PORT,
      remember: false,
      warning: null,
    });
  });

  it('keeps a port first chosen with DUCHA_PORT, and warns when another is asked for later', async () => {
    expect(choosePort(6123, null)).toEqual({ port: 6123, remember: true, warning: null });
    await rememberPort(dataDir, 6123);
    expect(choosePort(null, await rememberedPort(dataDir)).port).toBe(6123);
    const other = choosePort(6200, 6123);
    expect(other.port).toBe(6200);
    expect(other.remember).toBe(false);
    expect(other.warning).toContain('http://127.0.0.1:6123');
  });

  it('never remembers a free port picked for a run (DUCHA_PORT=0)', () => {
    expect(choosePort(0, null)).toEqual({ port: 0, remember: false, warning: null });
  });

  it('ignores a remembered file that is not ours', async () => {
    await writeFile(path.join(dataDir, 'browser-host.json'), '{"port": "5780; rm -rf /"}');
    expect(await rememberedPort(dataDir)).toBeNull();
    await writeFile(path.join(dataDir, 'browser-host.json'), 'not json');
    expect(await rememberedPort(dataDir)).toBeNull();
  });
});

describe('a port already in use', () => {
  it('is named with the address to open, and no other port is suggested', () => {
    const line = portTakenLine(5780);
    expect(line).toContain('port 5780 is already in use');
    expect(line).toContain('http://127.0.0.1:5780/');
    expect(line).not.toMatch(/DUCHA_PORT/);
  });
});
