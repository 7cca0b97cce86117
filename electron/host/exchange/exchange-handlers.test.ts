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

/** Linux with no drive lister: the folders the tests grant are under `home` or `media` in `root`. */
const browserHost = (extra: Parameters<typeof createExchangeHandlers>[0] = {}) =>
  asHost(
    createExchangeHandlers({
      platform: 'linux',
      runCommand: () => Promise.resolve('{"blockdevices": []}'),
      homeDir: () => join(root, 'home'),
      mountPlaces: [join(root, 'media')],
      ...extra,
    }),
  );

/** "Use this folder" in the in-app chooser: the grant, or the refusal. */
const grantOf = async (host: HostHandlers, path: string): Promise<string> => {
  const reply = (await call(host, 'exchangeGrant', { path })) as { status: string; grant?: string };
  if (reply.status !== 'granted' || reply.grant === undefined)
    throw new Error(`${path} was not granted: ${JSON.stringify(reply)}`);
  return reply.grant;
};

describe('the exchange channels through dispatch', () => {
  beforeEach(() => {
    mkdirSync(join(root, 'home'));
    mkdirSync(join(root, 'media'));
  });

  it('export, scan and read back a folder, every reply inside the contract', async () => {
    const host = browserHost();
    const stick = join(root, 'media', 'USB');
    mkdirSync(stick);
    const grant = await grantOf(host, stick);
    const photo = randomBytes(100_000);
    const begun = (await call(host, 'exportBegin', {
      grant,
      folderName: '督查导出',
      totalBytes: photo.byteLength,
      largestFileBytes: photo.byteLength,
    })) as { status: string; sessionId: string; finalPath: string };
    expect(begun).toMatchObject({ status: 'started', finalPath: join(stick, '督查导出') });
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

    // The stick's root holds one export folder: the scan names it with a grant of its own.
    const listed = (await call(host, 'importScan', { grant })) as {
      status: string;
      candidates: { folder: string; name: string; grant: string }[];
    };
    expect(listed).toMatchObject({
      status: 'notABundle',
      candidates: [{ folder: join(stick, '督查导出'), name: '督查导出' }],
    });
    const scanned = (await call(host, 'importScan', { grant: listed.candidates[0]?.grant })) as {
      bundleGrant: string;
    };
    expect(scanned).toMatchObject({
      status: 'scanned',
      folder: join(stick, '督查导出'),
      manifest,
      files: [{ path: 'bundle/blobs/photo.jpg', size: photo.byteLength, sha256: sha256Of(photo) }],
    });
    const read = (await call(host, 'importRead', {
      bundleGrant: scanned.bundleGrant,
      path: 'bundle/blobs/photo.jpg',
      offset: 10,
      length: 20,
    })) as { bytes: Uint8Array };
    expect(Buffer.from(read.bytes)).toEqual(photo.subarray(10, 30));
  });

  it('answers faults as values, and a malformed request as the contract says', async () => {
    const host = browserHost();
    expect(await call(host, 'exchangeGrant', { path: join(root, 'home', 'none') })).toMatchObject({
      status: 'failed',
      fault: 'notFound',
    });
    const bad = await dispatch(host, 'exportWrite', { sessionId: 'nope', path: 'a' }, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: 'badRequest' } });
    // A path where a grant belongs is no request at all.
    const pathAsGrant = await dispatch(host, 'importScan', { folder: '/etc' }, ctx);
    expect(pathAsGrant).toMatchObject({ ok: false, error: { code: 'badRequest' } });
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
    const chosen = join(root, '督查U盘');
    mkdirSync(chosen);
    let cancelled = false;
    const host = asHost(
      createExchangeHandlers({
        chooseFolder: (purpose) => {
          asked.push(purpose);
          return Promise.resolve(cancelled ? null : chosen);
        },
      }),
    );
    expect(await call(host, 'exchangeChooseFolder', { purpose: 'export' })).toEqual({
      native: true,
      chosen: { grant: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown, path: chosen },
    });
    expect(asked).toEqual(['export']);
    cancelled = true;
    expect(await call(host, 'exchangeChooseFolder', { purpose: 'import' })).toEqual({
      native: true,
      chosen: null,
    });
  });

  it('answers native false without one (the browser host), whose in-app chooser grants instead', async () => {
    const host = asHost(createExchangeHandlers());
    expect(await call(host, 'exchangeChooseFolder', { purpose: 'import' })).toEqual({
      native: false,
      chosen: null,
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
    symlinkSync('/etc', join(home, 'etc-link'));
    const host = asHost(
      createExchangeHandlers({
        platform: 'linux',
        runCommand: () => Promise.resolve('{"blockdevices": []}'),
        homeDir: () => home,
        mountPlaces: [],
      }),
    );
    for (const folder of [
      '/',
      '/etc',
      '/proc',
      root,
      join(home, '.ssh'),
      join(home, '..', '..'),
      join(home, 'etc-link'),
    ])
      expect(await call(host, 'exchangeBrowse', { path: folder }), folder).toMatchObject({
        status: 'failed',
        fault: 'unsafePath',
      });
  });
});

describe("the audit's attacks on paths, and more (issue 19: grants, not paths)", () => {
  const home = () => join(root, 'home');
  beforeEach(() => {
    mkdirSync(join(root, 'home', 'exports'), { recursive: true });
    mkdirSync(join(root, 'media'));
  });

  it('grants only what the in-app chooser could list: never /etc, /proc, a hidden folder or a link out', async () => {
    const host = browserHost();
    mkdirSync(join(home(), '.ssh'));
    symlinkSync('/etc', join(home(), 'etc-link'));
    symlinkSync(join(home(), '.ssh'), join(home(), 'ssh-link'));
    writeFileSync(join(home(), 'file.txt'), 'x');
    const refusals: [string, string][] = [
      ['/etc', 'unsafePath'],
      ['/proc/self', 'unsafePath'],
      ['/', 'unsafePath'],
      [root, 'unsafePath'],
      [join(home(), '.ssh'), 'unsafePath'],
      [join(home(), 'exports', '..', '.ssh'), 'unsafePath'],
      [join(home(), '..', '..'), 'unsafePath'],
      [join(home(), 'etc-link'), 'unsafePath'],
      [join(home(), 'ssh-link'), 'unsafePath'],
      ['relative/exports', 'unsafePath'],
      [join(home(), 'file.txt'), 'notAFolder'],
    ];
    for (const [path, fault] of refusals)
      expect(await call(host, 'exchangeGrant', { path }), path).toMatchObject({ status: 'failed', fault });
    expect(await call(host, 'exchangeGrant', { path: join(home(), 'exports') })).toMatchObject({
      status: 'granted',
      path: join(home(), 'exports'),
    });
  });

  it('the desktop app grants only through its system dialog', async () => {
    const host = browserHost({ chooseFolder: () => Promise.resolve(null) });
    expect(await call(host, 'exchangeGrant', { path: join(home(), 'exports') })).toMatchObject({
      status: 'failed',
      fault: 'unsafePath',
    });
  });

  it("refuses a made-up grant, another run's, and a grant of one kind used as the other", async () => {
    const host = browserHost();
    const otherRun = browserHost();
    const stick = join(root, 'media', 'USB');
    mkdirSync(join(stick, 'bundle'), { recursive: true });
    writeFileSync(join(stick, 'bundle', 'manifest.json'), '{}');
    writeFileSync(join(stick, 'photo.jpg'), 'photo');
    const theirs = await grantOf(otherRun, stick);
    const scannedThere = (await call(otherRun, 'importScan', { grant: theirs })) as { bundleGrant: string };
    const place = await grantOf(host, stick);
    const scanned = (await call(host, 'importScan', { grant: place })) as { bundleGrant: string };
    const made = 'f'.repeat(32);
    const unknown = { status: 'failed', fault: 'unknownGrant' };
    for (const grant of [made, theirs]) {
      expect(await call(host, 'importScan', { grant })).toMatchObject(unknown);
      expect(await call(host, 'exchangeLeftovers', { grant })).toMatchObject(unknown);
      expect(await call(host, 'exchangeRemoveLeftovers', { grant })).toMatchObject(unknown);
      expect(
        await call(host, 'exportBegin', { grant, folderName: 'x', totalBytes: 1, largestFileBytes: 1 }),
      ).toMatchObject(unknown);
    }
    for (const bundleGrant of [made, scannedThere.bundleGrant, place])
      expect(
        await call(host, 'importRead', { bundleGrant, path: 'photo.jpg', offset: 0, length: 5 }),
      ).toMatchObject(unknown);
    // A bundle is read from, never written to.
    expect(
      await call(host, 'exportBegin', {
        grant: scanned.bundleGrant,
        folderName: 'x',
        totalBytes: 1,
        largestFileBytes: 1,
      }),
    ).toMatchObject(unknown);
    expect(readdirSync(stick).sort()).toEqual(['bundle', 'photo.jpg']);
    const read = (await call(host, 'importRead', {
      bundleGrant: scanned.bundleGrant,
      path: 'photo.jpg',
      offset: 0,
      length: 5,
    })) as { bytes: Uint8Array };
    expect(Buffer.from(read.bytes).toString()).toBe('photo');
  });

  it('reads nothing outside the bundle folder a scan found: .., absolute names, links, /proc', async () => {
    const host = browserHost();
    const stick = join(root, 'media', 'USB');
    mkdirSync(join(stick, 'bundle'), { recursive: true });
    writeFileSync(join(stick, 'bundle', 'manifest.json'), '{}');
    symlinkSync('/etc/passwd', join(stick, 'passwd'));
    symlinkSync('/etc', join(stick, 'etc'));
    const scanned = (await call(host, 'importScan', { grant: await grantOf(host, stick) })) as {
      bundleGrant: string;
    };
    const sha256 = 'a'.repeat(64);
    for (const path of ['../../etc/passwd', '/etc/passwd', 'passwd', 'etc/passwd', '/proc/self/environ']) {
      expect(
        await call(host, 'importRead', { bundleGrant: scanned.bundleGrant, path, offset: 0, length: 100 }),
        path,
      ).toMatchObject({ status: 'failed', fault: 'unsafePath' });
      expect(
        await call(host, 'importReadFiles', { bundleGrant: scanned.bundleGrant, files: [{ path, sha256 }] }),
        path,
      ).toMatchObject({ status: 'failed', fault: 'unsafePath' });
    }
    // The home folder granted is no export folder: its scan gives no bundle grant to read with.
    writeFileSync(join(home(), 'exports', 'secret.txt'), 'secret');
    expect(await call(host, 'importScan', { grant: await grantOf(host, join(home(), 'exports')) })).toEqual({
      status: 'notABundle',
      candidates: [],
    });
  });

  it('follows no folder swapped for a link after it was granted', async () => {
    const host = browserHost();
    const chosen = join(home(), 'exports');
    const grant = await grantOf(host, chosen);
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    rmSync(chosen, { recursive: true });
    symlinkSync(elsewhere, chosen);
    expect(
      await call(host, 'exportBegin', { grant, folderName: 'run', totalBytes: 10, largestFileBytes: 10 }),
    ).toMatchObject({ status: 'failed', fault: 'unsafePath' });
    expect(await call(host, 'exchangeRemoveLeftovers', { grant })).toMatchObject({ fault: 'unsafePath' });
    expect(readdirSync(elsewhere)).toEqual([]);
    // A granted folder since removed is simply not there.
    rmSync(chosen);
    expect(await call(host, 'importScan', { grant })).toMatchObject({ status: 'failed', fault: 'notFound' });
  });

  it('makes no hidden folder and writes into none: ~/.ssh cannot be created by an export', async () => {
    const host = browserHost();
    const grant = await grantOf(host, home());
    const begin = (folderName: string) =>
      call(host, 'exportBegin', { grant, folderName, totalBytes: 10, largestFileBytes: 10 });
    for (const name of ['.ssh', '../.ssh', 'a/../../.config', '.config/autostart'])
      expect(await begin(name), name).toMatchObject({ status: 'failed', fault: 'unsafePath' });
    expect(readdirSync(home())).toEqual(['exports']);
  });
});
