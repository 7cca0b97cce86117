// The exchange channels through dispatch, as either host calls them: every reply must pass the
// contract's own schema (bytes as bytes, digests as hex, faults from the list). Also the folder
// chooser: the system dialog when there is one, the in-app listing otherwise.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostHandlers } from '../../../shared/contract';
import { dispatch } from '../../../shared/contract/dispatch';
import { createExchangeHandlers } from './exchange-handlers';
import { callChannel, describeFile, manifestFor, sha256Of, TEST_CONTEXT as ctx } from './test-bundle';

let root = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ducha-exchange-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Only the exchange channels are called here; the others are not part of this group. */
const asHost = (handlers: ReturnType<typeof createExchangeHandlers>): HostHandlers =>
  handlers as unknown as HostHandlers;

const call = callChannel;

describe('the exchange channels through dispatch', () => {
  it('export, scan and read back a folder, every reply inside the contract', async () => {
    const host = asHost(createExchangeHandlers({ platform: 'linux' }));
    const photo = randomBytes(100_000);
    const begun = (await call(host, 'exportBegin', {
      targetDir: root,
      folderName: '督查导出',
      totalBytes: photo.byteLength,
      largestFileBytes: photo.byteLength,
    })) as { status: string; sessionId: string };
    expect(begun.status).toBe('started');
    const written = await call(host, 'exportWrite', {
      sessionId: begun.sessionId,
      path: 'bundle/blobs/photo.jpg',
      offset: 0,
      final: true,
      bytes: new Uint8Array(photo),
    });
    expect(written).toEqual({ status: 'written', size: photo.byteLength, sha256: sha256Of(photo) });
    const manifest = manifestFor([describeFile('bundle/blobs/photo.jpg', photo)]);
    expect(await call(host, 'exportFinish', { sessionId: begun.sessionId, manifest })).toMatchObject({
      status: 'done',
    });

    const folder = join(root, '督查导出');
    expect(await call(host, 'importScan', { folder })).toMatchObject({
      status: 'scanned',
      manifest,
      files: [{ path: 'bundle/blobs/photo.jpg', size: photo.byteLength, sha256: sha256Of(photo) }],
    });
    const read = (await call(host, 'importRead', {
      folder,
      path: 'bundle/blobs/photo.jpg',
      offset: 10,
      length: 20,
    })) as { bytes: Uint8Array };
    expect(Buffer.from(read.bytes)).toEqual(photo.subarray(10, 30));
  });

  it('answers faults as values, and a malformed request as the contract says', async () => {
    const host = asHost(createExchangeHandlers({ platform: 'linux' }));
    // An export folder (it holds a manifest), read outside itself.
    mkdirSync(join(root, 'bundle'));
    writeFileSync(join(root, 'bundle', 'manifest.json'), '{}');
    expect(
      await call(host, 'importRead', { folder: root, path: '../../etc/passwd', offset: 0, length: 10 }),
    ).toMatchObject({ status: 'failed', fault: 'unsafePath' });
    const bad = await dispatch(host, 'exportWrite', { sessionId: 'nope', path: 'a' }, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: 'badRequest' } });
  });

  it('lists drives with the given runner, and says so when there is no tool', async () => {
    const missing = () => Promise.reject(Object.assign(new Error('spawn lsblk ENOENT'), { code: 'ENOENT' }));
    const host = asHost(createExchangeHandlers({ platform: 'linux', runCommand: missing }));
    expect(await call(host, 'exchangeDrives', {})).toMatchObject({ drives: [], lister: null });
  });
});

describe('choosing a folder', () => {
  it('uses the system dialog when the host has one', async () => {
    const asked: string[] = [];
    const host = asHost(
      createExchangeHandlers({
        chooseFolder: (purpose) => {
          asked.push(purpose);
          return Promise.resolve('/media/kim/督查U盘');
        },
      }),
    );
    expect(await call(host, 'exchangeChooseFolder', { purpose: 'export' })).toEqual({
      path: '/media/kim/督查U盘',
      native: true,
    });
    expect(asked).toEqual(['export']);
  });

  it('answers path null and native false without one (the browser host)', async () => {
    const host = asHost(createExchangeHandlers());
    expect(await call(host, 'exchangeChooseFolder', { purpose: 'import' })).toEqual({
      path: null,
      native: false,
    });
  });

  it('lists the subfolders of a folder, sorted, without hidden ones, with the home folder as a place', async () => {
    const home = join(root, 'home');
    for (const name of ['照片', 'b-exports', 'A-reports', '.hidden'])
      mkdirSync(join(home, name), { recursive: true });
    writeFileSync(join(home, 'file.txt'), 'not a folder');
    symlinkSync(join(home, 'A-reports'), join(home, 'linked'));
    const media = join(root, 'media');
    mkdirSync(join(media, 'USB'), { recursive: true });
    const runCommand = () => Promise.resolve('{"blockdevices": []}');
    const host = asHost(
      createExchangeHandlers({ platform: 'linux', runCommand, homeDir: () => home, mountPlaces: [media] }),
    );
    const listed = await call(host, 'exchangeBrowse', { path: home });
    const folders = ['照片', 'b-exports', 'A-reports', 'linked'].sort((a, b) => a.localeCompare(b));
    expect(listed).toEqual({
      status: 'listed',
      path: home,
      // Above the home folder is not the chooser's to show.
      parent: null,
      folders,
      places: [{ label: 'home', path: home }],
    });
    expect(await call(host, 'exchangeBrowse', { path: join(home, '照片') })).toMatchObject({
      status: 'listed',
      parent: home,
    });
    expect(await call(host, 'exchangeBrowse', { path: media })).toMatchObject({ folders: ['USB'] });
    expect(await call(host, 'exchangeBrowse', { path: null })).toMatchObject({ path: home });
    expect(await call(host, 'exchangeBrowse', { path: join(home, 'none') })).toMatchObject({
      status: 'failed',
      fault: 'notFound',
    });
    expect(await call(host, 'exchangeBrowse', { path: 'relative' })).toMatchObject({ fault: 'unsafePath' });
    expect(await call(host, 'exchangeBrowse', { path: join(home, 'file.txt') })).toMatchObject({
      status: 'failed',
      fault: 'notAFolder',
    });
  });

  it('lists nothing outside the home folder, the drives and the mount places, nor hidden folders (issue 19)', async () => {
    const home = join(root, 'home');
    mkdirSync(join(home, '.ssh'), { recursive: true });
    const host = asHost(
      createExchangeHandlers({
        platform: 'linux',
        runCommand: () => Promise.resolve('{"blockdevices": []}'),
        homeDir: () => home,
        mountPlaces: [],
      }),
    );
    for (const folder of ['/', '/etc', '/proc', root, join(home, '.ssh'), join(home, '..', '..')])
      expect(await call(host, 'exchangeBrowse', { path: folder }), folder).toMatchObject({
        status: 'failed',
        fault: 'unsafePath',
      });
  });
});

describe("the audit's attacks on paths (issue 19)", () => {
  it('reads nothing outside an export folder: /etc/passwd is refused before it is opened', async () => {
    const host = asHost(createExchangeHandlers({ platform: 'linux' }));
    expect(
      await call(host, 'importRead', { folder: '/etc', path: 'passwd', offset: 0, length: 100 }),
    ).toEqual({
      status: 'failed',
      fault: 'notABundle',
      detail: expect.stringContaining('bundle/manifest.json') as unknown,
    });
    const sha256 = 'a'.repeat(64);
    expect(
      await call(host, 'importReadFiles', { folder: '/etc', files: [{ path: 'passwd', sha256 }] }),
    ).toMatchObject({ status: 'failed', fault: 'notABundle' });
    // An export still being written is no export folder either, manifest or not.
    const partial = join(root, '.ducha-partial-x-1234');
    mkdirSync(join(partial, 'bundle'), { recursive: true });
    writeFileSync(join(partial, 'bundle', 'manifest.json'), '{}');
    writeFileSync(join(partial, 'secret.txt'), 'secret');
    expect(
      await call(host, 'importRead', { folder: partial, path: 'secret.txt', offset: 0, length: 10 }),
    ).toMatchObject({ status: 'failed', fault: 'notABundle' });
  });

  it('makes no hidden folder and writes into none: ~/.ssh cannot be created by an export', async () => {
    const host = asHost(createExchangeHandlers({ platform: 'linux' }));
    const begin = (targetDir: string, folderName: string) =>
      call(host, 'exportBegin', { targetDir, folderName, totalBytes: 10, largestFileBytes: 10 });
    expect(await begin(root, '.ssh')).toMatchObject({ status: 'failed', fault: 'unsafePath' });
    expect(readdirSync(root)).toEqual([]);
    mkdirSync(join(root, '.config', 'autostart'), { recursive: true });
    expect(await begin(join(root, '.config', 'autostart'), 'run')).toMatchObject({
      status: 'failed',
      fault: 'unsafePath',
    });
    expect(await begin(join(root, 'x', '..', '.config'), 'run')).toMatchObject({ fault: 'unsafePath' });
    expect(readdirSync(join(root, '.config', 'autostart'))).toEqual([]);
  });
});
