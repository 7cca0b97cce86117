// The import side of a hand-over: list and hash an export folder, and hand the page the bytes it asks
// for. A stick comes from elsewhere, so nothing on it is trusted: links are never followed, names that
// could climb out of the folder are refused, and the sizes are bounded before anything is read whole.
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import {
  MAX_READ_BYTES,
  type ExchangeFailure,
  type ParsedRequestOf,
  type ResponseOf,
  type ScannedFile,
} from '../../../shared/contract';
import { MANIFEST_PATH, MAX_BUNDLE_FILES, MAX_MANIFEST_BYTES } from '../../../shared/bundle/manifest';
import { bundlePathProblem } from '../../../shared/bundle/paths';
import type { NotARegularFile } from '../../../shared/bundle/verify';
import { errorCode, failed, faultOfError } from './faults';
import { PARTIAL_PREFIX } from './export-writer';
import { sha256Hex } from '../../../shared/crypto/sha256';
import { hashFile, READ_NO_FOLLOW } from './hash-file';
import { inParallel } from '../../../shared/bundle/in-parallel';
import { createGrantTable, realFolder, type GrantTable } from './grants';

/** Files hashed at once while a folder is listed. */
const HASH_LANES = 4;

/** A channel's request as this module takes it: the folder's path, found by the grant gate for the page's grant. */
type ByFolder<C extends 'importScan' | 'importRead' | 'importReadFiles'> = Omit<
  ParsedRequestOf<C>,
  'grant' | 'bundleGrant'
> & { readonly folder: string };

export interface ImportHandlers {
  readonly importScan: (request: ByFolder<'importScan'>) => Promise<ResponseOf<'importScan'>>;
  readonly importRead: (request: ByFolder<'importRead'>) => Promise<ResponseOf<'importRead'>>;
  readonly importReadFiles: (request: ByFolder<'importReadFiles'>) => Promise<ResponseOf<'importReadFiles'>>;
}

export interface ImportReaderOptions {
  /**
   * Where a scan's grants go: each export folder found one level down becomes a place (chosen in
   * turn), and the bundle folder scanned becomes the one grant reads are made through.
   */
  readonly grants?: { readonly places: GrantTable; readonly bundles: GrantTable };
  /** Tests lower the limits to reach them without 200,000 files or a 64 MiB manifest. */
  readonly maxFiles?: number;
  readonly maxManifestBytes?: number;
}

type Refusal = { path: string; reason: NotARegularFile | 'unsafeName' };

/**
 * What an entry is when it is not a regular file or a folder, by lstat (never followed): the reader
 * names each for what it is, since "a link" for a named pipe sends a person looking for the wrong thing.
 */
export function notARegularFile(stats: Stats): NotARegularFile | null {
  if (stats.isSymbolicLink()) return 'link';
  if (stats.isFile() || stats.isDirectory()) return null;
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  if (stats.isBlockDevice() || stats.isCharacterDevice()) return 'device';
  return 'special';
}

/** The same in the host's English words, for a failure's detail. */
const KIND_WORDS: Record<NotARegularFile, string> = {
  link: 'a link',
  fifo: 'a named pipe (FIFO)',
  socket: 'a socket',
  device: 'a device file',
  special: 'not a regular file',
};
type ManifestState = { kind: 'file'; stats: Stats } | { kind: 'missing' } | { kind: 'refused'; why: string };

/** bundle/manifest.json under `folder`, checked one segment at a time so a linked `bundle` is seen. */
async function manifestState(folder: string): Promise<ManifestState> {
  let current = folder;
  const segments = MANIFEST_PATH.split('/');
  for (const [index, segment] of segments.entries()) {
    current = path.join(current, segment);
    let stats: Stats;
    try {
      stats = await fs.lstat(current);
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return { kind: 'missing' };
      throw error;
    }
    const shown = segments.slice(0, index + 1).join('/');
    const kind = notARegularFile(stats);
    if (kind === 'link') return { kind: 'refused', why: `${shown} is a link` };
    const last = index === segments.length - 1;
    if (!last && !stats.isDirectory()) return { kind: 'missing' };
    if (last && !stats.isFile())
      return { kind: 'refused', why: `${shown} is ${KIND_WORDS[kind ?? 'special']}` };
    if (last) return { kind: 'file', stats };
  }
  return { kind: 'missing' };
}

/**
 * Reads are of files inside an export folder, nowhere else: a folder that holds no
 * bundle/manifest.json (or is an export still being written) is refused before anything in it is
 * opened, so a page cannot read /etc/passwd by naming /etc (issue 19).
 */
async function notABundleFolder(folder: string): Promise<ExchangeFailure | null> {
  if (!path.isAbsolute(folder)) return notAbsolute(folder);
  const real = await fs.realpath(path.resolve(folder));
  if (path.basename(real).startsWith(PARTIAL_PREFIX))
    return failed('notABundle', `${folder} is an export still being written`);
  const manifest = await manifestState(real);
  if (manifest.kind === 'refused') return failed('unsafePath', manifest.why);
  if (manifest.kind === 'missing')
    return failed(
      'notABundle',
      `${folder} holds no ${MANIFEST_PATH}: only an export folder's files are read`,
    );
  return null;
}

/** Export folders one level down: a drive's root often holds several, and the user picked the root. */
async function findCandidates(
  folder: string,
  places: GrantTable,
): Promise<{ folder: string; name: string; grant: string }[]> {
  const candidates: { folder: string; name: string; grant: string }[] = [];
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    // A Dirent for a link is not a directory, so links are skipped here as everywhere.
    if (!entry.isDirectory() || entry.name.startsWith(PARTIAL_PREFIX)) continue;
    const child = path.join(folder, entry.name);
    try {
      if ((await manifestState(child)).kind === 'file')
        candidates.push({ folder: child, name: entry.name, grant: places.grant(await realFolder(child)) });
    } catch {
      // A folder we may not look into (Windows' System Volume Information) is not an export.
    }
  }
  return candidates.sort((a, b) => a.name.localeCompare(b.name));
}

interface Walked {
  readonly files: { path: string; size: number }[];
  readonly refused: Refusal[];
}

/**
 * Every entry under the folder, by lstat: links and special files are refused by kind, names no bundle
 * may use are refused (and a refused folder is not entered). Null when there are more than `limit`.
 */
async function walk(folder: string, limit: number): Promise<Walked | null> {
  const files: Walked['files'] = [];
  const refused: Refusal[] = [];
  const pending = [''];
  for (let relative = pending.pop(); relative !== undefined; relative = pending.pop()) {
    const here = relative === '' ? folder : path.join(folder, ...relative.split('/'));
    for (const name of await fs.readdir(here)) {
      const entryPath = relative === '' ? name : `${relative}/${name}`;
      let stats: Stats;
      try {
        stats = await fs.lstat(path.join(here, name));
      } catch (error) {
        // A name the system lists but cannot find again was mangled on the way (an encoding the
        // stick's writer used); it is not a name a bundle can hold.
        if (errorCode(error) !== 'ENOENT') throw error;
        refused.push({ path: entryPath, reason: 'unsafeName' });
        continue;
      }
      const kind = notARegularFile(stats);
      if (kind !== null) refused.push({ path: entryPath, reason: kind });
      else if (bundlePathProblem(entryPath) !== null) refused.push({ path: entryPath, reason: 'unsafeName' });
      else if (stats.isDirectory()) pending.push(entryPath);
      else if (entryPath !== MANIFEST_PATH) files.push({ path: entryPath, size: stats.size });
      if (files.length + refused.length > limit) return null;
    }
  }
  return { files, refused };
}

/** Reads at most `limit` bytes; a manifest that grew after its size was checked is still bounded. */
async function readBounded(file: string, limit: number): Promise<Buffer | null> {
  const handle = await fs.open(file, READ_NO_FOLLOW);
  try {
    const buffer = Buffer.alloc(Math.min((await handle.stat()).size, limit) + 1);
    let got = 0;
    while (got < buffer.byteLength) {
      const { bytesRead } = await handle.read(buffer, got, buffer.byteLength - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return got > limit ? null : buffer.subarray(0, got);
  } finally {
    await handle.close();
  }
}

/** Up to `length` bytes from `offset`: fewer only where the file ends. */
async function readAt(handle: fs.FileHandle, offset: number, length: number): Promise<Buffer> {
  const bytes = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await handle.read(bytes, got, length - got, offset + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return bytes.subarray(0, got);
}

/** A relative folder would be taken from wherever the host was started: never what the page meant. */
const notAbsolute = (folder: string): ExchangeFailure =>
  failed('unsafePath', `not an absolute path: ${folder.slice(0, 80)}`);

/**
 * ENOENT while reading is a folder or file that is not there (EIO and the like still say "removed");
 * a permission error is not "read-only", which is about writing, so it goes as io with its code.
 */
function readFault(error: unknown): ExchangeFailure {
  const failure = faultOfError(error, 'notFound');
  return failure.fault === 'readOnly' ? { ...failure, fault: 'io' } : failure;
}

export function createImportReader(options: ImportReaderOptions = {}): ImportHandlers {
  const maxFiles = options.maxFiles ?? MAX_BUNDLE_FILES;
  const maxManifestBytes = options.maxManifestBytes ?? MAX_MANIFEST_BYTES;
  const grants = options.grants ?? { places: createGrantTable(), bundles: createGrantTable() };

  async function scan(request: { folder: string }): Promise<ResponseOf<'importScan'>> {
    if (!path.isAbsolute(request.folder)) return notAbsolute(request.folder);
    const folder = path.resolve(request.folder);
    const stats = await fs.stat(folder);
    if (!stats.isDirectory()) return failed('notAFolder', `${folder} is not a folder`);
    // An export still being written, or left by a failed one, is never a bundle, manifest or not.
    if (path.basename(folder).startsWith(PARTIAL_PREFIX)) return { status: 'notABundle', candidates: [] };
    const manifest = await manifestState(folder);
    if (manifest.kind === 'missing')
      return { status: 'notABundle', candidates: await findCandidates(folder, grants.places) };
    if (manifest.kind === 'refused') return failed('unsafePath', manifest.why);
    const tooLarge = failed('tooLarge', `${MANIFEST_PATH} is larger than ${String(maxManifestBytes)} bytes`);
    if (manifest.stats.size > maxManifestBytes) return tooLarge;
    const manifestBytes = await readBounded(path.join(folder, ...MANIFEST_PATH.split('/')), maxManifestBytes);
    if (manifestBytes === null) return tooLarge;

    const walked = await walk(folder, maxFiles);
    if (walked === null) return failed('tooLarge', `the folder holds more than ${String(maxFiles)} entries`);
    const sorted = walked.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const files: ScannedFile[] = await inParallel(sorted, HASH_LANES, async (file) => {
      const digest = await hashFile(path.join(folder, ...file.path.split('/')));
      return { path: file.path, size: digest.size, sha256: digest.sha256 };
    });
    return {
      status: 'scanned',
      folder,
      bundleGrant: grants.bundles.grant(await realFolder(folder)),
      manifest: manifestBytes.toString('utf8'),
      files,
      refused: walked.refused,
    };
  }

  /**
   * `relative` under the folder, opened: each segment by lstat so no link is followed, the real path
   * inside the real folder, and the file opened the one that was checked. The caller closes it.
   */
  async function openInside(
    folder: string,
    relative: string,
  ): Promise<{ handle: fs.FileHandle; size: number } | ExchangeFailure> {
    const problem = bundlePathProblem(relative);
    if (problem) return failed('unsafePath', problem);
    if (!path.isAbsolute(folder)) return notAbsolute(folder);
    const realFolder = await fs.realpath(path.resolve(folder));
    const segments = relative.split('/');
    let current = realFolder;
    let last: Stats | null = null;
    for (const [index, segment] of segments.entries()) {
      current = path.join(current, segment);
      const stats = await fs.lstat(current);
      const shown = segments.slice(0, index + 1).join('/');
      if (stats.isSymbolicLink()) return failed('unsafePath', `${shown} is a link`);
      if (index < segments.length - 1 && !stats.isDirectory())
        return failed('notFound', `${shown} is not a folder`);
      last = stats;
    }
    if (last === null || !last.isFile())
      return failed(
        'unsafePath',
        `${relative} is ${KIND_WORDS[(last && notARegularFile(last)) ?? 'special']}`,
      );
    // Belt and braces: whatever the segments looked like, the file must really lie inside the folder.
    const real = await fs.realpath(current);
    const inside = realFolder.endsWith(path.sep) ? realFolder : realFolder + path.sep;
    if (!real.startsWith(inside)) return failed('unsafePath', `${relative} lies outside the folder`);

    const handle = await fs.open(real, READ_NO_FOLLOW);
    const stats = await handle.stat().catch(async (error: unknown) => {
      await handle.close();
      throw error;
    });
    // The file opened must be the one checked, not something put in its place since.
    if (!stats.isFile() || stats.ino !== last.ino || stats.dev !== last.dev) {
      await handle.close();
      return failed('unsafePath', `${relative} changed while it was being opened`);
    }
    return { handle, size: stats.size };
  }

  async function read(request: {
    folder: string;
    path: string;
    offset: number;
    length: number;
  }): Promise<ResponseOf<'importRead'>> {
    const notBundle = await notABundleFolder(request.folder);
    if (notBundle) return notBundle;
    const opened = await openInside(request.folder, request.path);
    if ('status' in opened) return opened;
    const { handle, size } = opened;
    try {
      const want = Math.max(0, Math.min(request.length, size - request.offset));
      const bytes = await readAt(handle, request.offset, want);
      return { status: 'read', size, bytes };
    } finally {
      await handle.close();
    }
  }

  /**
   * Whole files one after another, each checked against its SHA-256 before any is handed over; the
   * reply stays within MAX_READ_BYTES even if a file grew after the page planned the read.
   */
  async function readFiles(request: {
    folder: string;
    files: readonly { path: string; sha256: string }[];
  }): Promise<ResponseOf<'importReadFiles'>> {
    const notBundle = await notABundleFolder(request.folder);
    if (notBundle) return notBundle;
    const pieces: Buffer[] = [];
    let total = 0;
    for (const file of request.files) {
      const opened = await openInside(request.folder, file.path);
      if ('status' in opened) return opened;
      try {
        total += opened.size;
        if (total > MAX_READ_BYTES)
          return failed(
            'tooLarge',
            `these files hold more than ${String(MAX_READ_BYTES)} bytes: read fewer at once`,
          );
        pieces.push(await readAt(opened.handle, 0, opened.size));
      } finally {
        await opened.handle.close();
      }
    }
    // WebCrypto hashes on the thread pool, so the files of one read are checked side by side.
    const digests = await Promise.all(pieces.map((piece) => sha256Hex(piece)));
    for (const [index, file] of request.files.entries())
      if (digests[index] !== file.sha256)
        return failed(
          'verifyFailed',
          `${file.path} changed after it was checked: its SHA-256 no longer matches the manifest`,
        );
    return {
      status: 'read',
      sizes: pieces.map((piece) => piece.byteLength),
      bytes: pieces.length === 1 && pieces[0] ? pieces[0] : Buffer.concat(pieces, total),
    };
  }

  return {
    importScan: (request) => scan(request).catch(readFault),
    importRead: (request) => read(request).catch(readFault),
    importReadFiles: (request) => readFiles(request).catch(readFault),
  };
}
