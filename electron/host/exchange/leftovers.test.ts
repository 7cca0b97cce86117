// Leftovers of interrupted exports (issue 19, item 6): found when the folder is chosen again and
// removed on request — only hidden temporary export folders, never an export being written, never
// what a link points to, never the person's own folders.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostHandlers } from '../../../shared/contract';
import { callChannel, grantingHost } from './test-bundle';

let root = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ducha-leftovers-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const call = callChannel;

describe('leftovers of interrupted exports', () => {
  it('are listed with their size and removed on request; an export in progress and the rest stay', async () => {
    const { handlers, grant: grantOf } = grantingHost({ mountPlaces: [root] });
    const host = handlers as unknown as HostHandlers;
    const stick = join(root, 'stick');
    const left = join(stick, '.ducha-partial-督查数据 2026-12-01-1a2b3c4d');
    mkdirSync(join(left, 'bundle'), { recursive: true });
    writeFileSync(join(left, 'bundle', 'operations.ndjson'), 'x'.repeat(1000));
    writeFileSync(join(left, 'photo.jpg'), 'y'.repeat(500));
    mkdirSync(join(stick, '督查数据 2026-11-30'));
    // A link named like a leftover, to a folder of the person's: neither listed nor followed.
    mkdirSync(join(root, 'mine'));
    writeFileSync(join(root, 'mine', 'keep.txt'), 'keep');
    symlinkSync(join(root, 'mine'), join(stick, '.ducha-partial-link'));
    // An export being written right now, in the same folder.
    const grant = await grantOf(stick);
    const begun = (await call(host, 'exportBegin', {
      grant,
      folderName: '督查数据 2026-12-07',
      totalBytes: 10,
      largestFileBytes: 10,
    })) as { status: string; sessionId: string };
    expect(begun.status).toBe('started');

    expect(await call(host, 'exchangeLeftovers', { grant })).toEqual({
      status: 'listed',
      leftovers: [{ name: '.ducha-partial-督查数据 2026-12-01-1a2b3c4d', bytes: 1500 }],
    });
    expect(await call(host, 'exchangeRemoveLeftovers', { grant })).toEqual({
      status: 'removed',
      removed: 1,
      bytes: 1500,
    });
    expect(existsSync(left)).toBe(false);
    expect(existsSync(join(stick, '督查数据 2026-11-30'))).toBe(true);
    expect(existsSync(join(root, 'mine', 'keep.txt'))).toBe(true);
    expect(readdirSync(stick).filter((name) => name.startsWith('.ducha-partial-')).length).toBe(2);
    expect(await call(host, 'exchangeLeftovers', { grant })).toEqual({
      status: 'listed',
      leftovers: [],
    });
    // The export in progress goes on as if nothing happened.
    await call(host, 'exportAbort', { sessionId: begun.sessionId });
  });

  it('says so for a folder gone since it was chosen, or a grant this run never gave', async () => {
    const { handlers, grant: grantOf } = grantingHost({ mountPlaces: [root] });
    const host = handlers as unknown as HostHandlers;
    mkdirSync(join(root, 'gone'));
    const grant = await grantOf(join(root, 'gone'));
    rmSync(join(root, 'gone'), { recursive: true });
    expect(await call(host, 'exchangeLeftovers', { grant })).toMatchObject({
      status: 'failed',
      fault: 'notFound',
    });
    expect(await call(host, 'exchangeRemoveLeftovers', { grant: '0'.repeat(32) })).toMatchObject({
      status: 'failed',
      fault: 'unknownGrant',
    });
  });
});
