// Export sessions: an export folder is written under a hidden temporary name, each file in order and
// fsynced, the manifest last, then renamed into place and read back. Until the rename nothing on the
// stick looks like a finished export, and after any failure the temporary folder is removed, so a
// full disk, a locked stick or a pulled one never leaves a half export that could be taken as whole.
import { hiddenPart } from './hidden-path';
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ExchangeFailure, HostHandlers, ParsedRequestOf, ResponseOf } from '../../../shared/contract';
import { bytesOf } from '../../../shared/contract/channel';
import { describeIssues } from '../../../shared/contract/result';
import {
  MANIFEST_PATH,
  MAX_BUNDLE_FILE_BYTES,
  MAX_MANIFEST_BYTES,
  ManifestSchema,
  type Manifest,
} from '../../../shared/bundle/manifest';
import { bundlePathProblem } from '../../../shared/bundle/paths';
import { errorCode, failed, faultOfError } from './faults';
import { isFat } from './file-system-of';
import { freeSpaceOf } from './free-space';
import { hashFile } from './hash-file';
import { sha256Hex } from '../../../shared/crypto/sha256';
import { inParallel } from '../../../shared/bundle/in-parallel';
import { syncFolder } from './sync-folder';

/** exportBegin as this module takes it: the target's path, which the grant gate found for the page's grant. */
export type ExportBeginRequest = Omit<ParsedRequestOf<'exportBegin'>, 'grant'> & {
  readonly targetDir: string;
};

export type ExportHandlers = Pick<HostHandlers, 'exportWrite' | 'exportFinish' | 'exportAbort'> & {
  readonly exportBegin: (request: ExportBeginRequest) => Promise<ResponseOf<'exportBegin'>>;
};

/** The hidden name an export has until it is complete; the import side never takes one for a bundle. */
export const PARTIAL_PREFIX = '.ducha-partial-';
/** Files read back at once: the stick stays busy while the thread pool hashes. */
const READ_BACK_LANES = 4;
/** Room left over besides the files: the manifest's own growth, folder entries, FAT's rounding up. */
export const SPACE_MARGIN_BYTES = 1024 * 1024;

export interface ExportWriterOptions {
  /** The file-system type of a folder (vfat, exfat, ext4...): reported, and named when FAT refuses. */
  readonly fileSystemOf: (folder: string) => Promise<string | null>;
  readonly freeSpaceOf?: (folder: string) => Promise<number | null>;
  /** The largest file a bundle may hold; tests lower it to reach the limit without writing 4 GiB. */
  readonly maxFileBytes?: number;
  /** How long a session may go without a step before it is aborted; tests shorten it. */
  readonly idleMs?: number;
  /**
   * Kept holding the ids of the sessions in progress: the browser host answers a write to any other
   * id before reading its bytes (tens of MB a write).
   */
  readonly liveSessions?: Set<string>;
  /** Kept holding the temporary folders of the exports in progress: they are not leftovers. */
  readonly tempDirsInProgress?: Set<string>;
}

/**
 * A page reloaded or closed in the middle of an export never finishes it. Its open files would keep
 * the stick "in use" (Windows then refuses to eject it) and its temporary folder would stay, so a
 * session left alone this long is aborted as if the page had asked.
 */
export const IDLE_SESSION_MS = 10 * 60 * 1000;

interface OpenFile {
  readonly handle: fs.FileHandle;
  /** Made on the first piece that is not the last: a file sent whole is hashed in one go. */
  hash: Hash | null;
  size: number;
}

interface Session {
  readonly id: string;
  readonly targetDir: string;
  readonly tempDir: string;
  readonly finalPath: string;
  readonly fileSystem: string | null;
  readonly open: Map<string, OpenFile>;
  readonly written: Map<string, { readonly size: number; readonly sha256: string }>;
  /**
   * Every file and folder path used so far, by its lower-case form: FAT, exFAT, NTFS and APFS take
   * "Photos/A.jpg" and "photos/a.jpg" for one file, so two spellings may not both be used.
   */
  readonly spellings: Map<string, string>;
  /** Folders made in the temporary folder, to fsync before the rename. */
  readonly folders: Set<string>;
  /** Set once the temporary folder has its final name: a failure after that removes the final one. */
  renamed: boolean;
  /**
   * The pieces of one file are written in the order they were asked for, each file in its own lane,
   * so that one file's fsync overlaps the next file's bytes. A session-wide step (finish, abort)
   * waits for every lane, and every step asked for after it waits for it.
   */
  readonly lanes: Map<string, Promise<unknown>>;
  barrier: Promise<unknown>;
  /** The steps doing their work right now, which a failure waits for before it removes the folder. */
  readonly running: Set<Promise<unknown>>;
  idleTimer: NodeJS.Timeout | null;
}

type Written = ResponseOf<'exportWrite'>;
type Done = ResponseOf<'exportFinish'>;

/** "a/b/c.jpg" → "a", "a/b", "a/b/c.jpg": the folders a file lies in, and the file. */
const prefixes = (file: string): string[] =>
  file.split('/').map((_, index, segments) => segments.slice(0, index + 1).join('/'));

/** A path already used that differs from one of this file's folders, or from the file, only in case. */
function caseClash(
  session: { readonly spellings: ReadonlyMap<string, string> },
  file: string,
): string | null {
  for (const name of prefixes(file)) {
    const used = session.spellings.get(name.toLowerCase());
    if (used !== undefined && used !== name) return used;
  }
  return null;
}

/** Why a folder name may not be an export's name, or null. One segment, safe on every system. */
function folderNameProblem(name: string): string | null {
  if (name.includes('/')) return `a folder name with a slash: ${name.slice(0, 80)}`;
  if (name.startsWith(PARTIAL_PREFIX)) return 'a folder name reserved for exports in progress';
  if (name.startsWith('.')) return `a hidden folder name: ${name.slice(0, 80)}`;
  return bundlePathProblem(name);
}

/** The temporary name, kept under 255 bytes: the final name may itself be long (a Chinese title). */
function temporaryName(folderName: string): string {
  let kept = '';
  for (const character of folderName) {
    if (Buffer.byteLength(kept + character) > 200) break;
    kept += character;
  }
  return `${PARTIAL_PREFIX}${kept}-${randomBytes(4).toString('hex')}`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/** Writes every byte at `position`: a write may take fewer bytes than it was given. */
async function writeAll(handle: fs.FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < bytes.byteLength) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.byteLength - done, position + done);
    if (bytesWritten === 0) throw Object.assign(new Error('the file system took no bytes'), { code: 'EIO' });
    done += bytesWritten;
  }
}

/** A locked SD card or a stale read-only mount can let a folder be made and still refuse a file. */
async function probeWrite(folder: string): Promise<void> {
  const probe = path.join(folder, '.probe');
  const handle = await fs.open(probe, 'wx');
  try {
    await writeAll(handle, new Uint8Array([0]), 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.unlink(probe);
}

const gib = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(2)} GiB (${String(bytes)} bytes)`;

export function createExportWriter(options: ExportWriterOptions): ExportHandlers {
  const sessions = new Map<string, Session>();
  const freeSpace = options.freeSpaceOf ?? freeSpaceOf;
  const maxFileBytes = options.maxFileBytes ?? MAX_BUNDLE_FILE_BYTES;
  const idleMs = options.idleMs ?? IDLE_SESSION_MS;

  const unknownSession = (): ExchangeFailure =>
    failed('unknownSession', 'no export in progress with this id (finished, aborted or failed)');

  function forget(session: Session): void {
    sessions.delete(session.id);
    options.liveSessions?.delete(session.id);
    options.tempDirsInProgress?.delete(session.tempDir);
    if (session.idleTimer !== null) clearTimeout(session.idleTimer);
    session.idleTimer = null;
  }

  /** Closes what is open and removes what was written; best effort, since the target may be gone. */
  async function end(session: Session): Promise<boolean> {
    forget(session);
    for (const open of session.open.values()) await open.handle.close().catch(() => undefined);
    session.open.clear();
    const folder = session.renamed ? session.finalPath : session.tempDir;
    try {
      await fs.rm(folder, { recursive: true, force: true });
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Runs a step of a session: in its file's lane, or (lane null) after every step asked for before it.
   * A fault the step returns or an error it throws ends the session once the steps working beside it
   * have stopped, so the page cannot carry on into an export with a hole in it and no write lands in
   * a folder already removed.
   */
  function step<T extends { status: string }>(
    sessionId: string,
    lane: string | null,
    work: (session: Session) => Promise<T | ExchangeFailure>,
  ): Promise<T | ExchangeFailure> {
    const session = sessions.get(sessionId);
    if (!session) return Promise.resolve(unknownSession());
    const run = async (): Promise<T | ExchangeFailure> => {
      if (sessions.get(sessionId) !== session) return unknownSession();
      const working = work(session).catch((error: unknown) => faultOfError(error));
      session.running.add(working);
      const answer = await working;
      session.running.delete(working);
      if (answer.status === 'failed') {
        await Promise.all(session.running);
        await end(session);
      }
      return answer;
    };
    const result = inTurn(session, lane, run);
    void result.then(
      () => keepAlive(session),
      () => undefined,
    );
    return result;
  }

  /** Queues `run` in a file's lane, or after everything (lane null); see Session.lanes. */
  function inTurn<T>(session: Session, lane: string | null, run: () => Promise<T>): Promise<T> {
    if (lane === null) {
      const before = Promise.all([session.barrier, ...session.lanes.values()]);
      session.lanes.clear();
      const result = before.then(run, run);
      session.barrier = result.catch(() => undefined);
      return result;
    }
    const before = session.lanes.get(lane) ?? session.barrier;
    const result = before.then(run, run);
    const settled = result.catch(() => undefined);
    session.lanes.set(lane, settled);
    // A finished file's lane is forgotten, so a long export does not keep one entry per file.
    void settled.then(() => {
      if (session.lanes.get(lane) === settled) session.lanes.delete(lane);
    });
    return result;
  }

  /** Ends the session after the steps already asked for: no write is cut off halfway. */
  function endInTurn(session: Session): Promise<boolean> {
    return inTurn(session, null, () =>
      sessions.get(session.id) === session ? end(session) : Promise.resolve(false),
    );
  }

  /** Restarts the idle clock; it does not keep Node running on its own. */
  function keepAlive(session: Session): void {
    if (sessions.get(session.id) !== session) return;
    if (session.idleTimer !== null) clearTimeout(session.idleTimer);
    session.idleTimer = setTimeout(() => void endInTurn(session), idleMs);
    session.idleTimer.unref();
  }

  async function writePiece(
    session: Session,
    file: string,
    offset: number,
    final: boolean,
    bytes: Uint8Array,
  ): Promise<Written> {
    const problem = bundlePathProblem(file);
    if (problem) return failed('unsafePath', problem);
    if (file === MANIFEST_PATH) return failed('unsafePath', `${MANIFEST_PATH} is written by exportFinish`);
    if (session.written.has(file)) return failed('io', `${file} was already written in full`);
    let open = session.open.get(file);
    if (!open) {
      if (offset !== 0)
        return failed('io', `${file}: the first piece must start at 0, not ${String(offset)}`);
      const clash = caseClash(session, file);
      if (clash !== null)
        return failed(
          'unsafePath',
          `${file}: ${clash} is already used, which differs only in upper and lower case`,
        );
      // Taken before the first await: a file written beside this one sees the spelling at once.
      for (const name of prefixes(file)) session.spellings.set(name.toLowerCase(), name);
      const target = path.join(session.tempDir, ...file.split('/'));
      await makeParents(session, file);
      // 'wx': never write through something that is already there, a link least of all.
      open = { handle: await fs.open(target, 'wx'), hash: null, size: 0 };
      session.open.set(file, open);
    } else if (offset !== open.size) {
      return failed('io', `${file}: a piece at ${String(offset)} where ${String(open.size)} was expected`);
    }
    if (open.size + bytes.byteLength > maxFileBytes) {
      const on = isFat(session.fileSystem) ? ` on ${session.fileSystem ?? 'FAT'}` : ' in a bundle';
      return failed('fileTooLarge', `${file}: more than ${gib(maxFileBytes)}, which no file may be${on}`);
    }
    let sha256: string | null = null;
    if (final && open.hash === null) {
      // A file sent in one piece (most photos): WebCrypto hashes it on the thread pool while it is
      // written, instead of on the thread that serves the page's other pieces. Both settle before
      // this returns, even when one fails: the browser host lends the piece's bytes for this call only.
      const [hashed, wrote] = await Promise.allSettled([sha256Hex(bytes), writeAll(open.handle, bytes, 0)]);
      if (wrote.status === 'rejected') throw wrote.reason;
      if (hashed.status === 'rejected') throw hashed.reason;
      sha256 = hashed.value;
    } else {
      const hash = (open.hash ??= createHash('sha256'));
      hash.update(bytes);
      await writeAll(open.handle, bytes, open.size);
      if (final) sha256 = hash.digest('hex');
    }
    open.size += bytes.byteLength;
    // Only the last piece has a digest.
    if (sha256 === null) return { status: 'written', size: open.size, sha256: null };
    await open.handle.sync();
    session.open.delete(file);
    await open.handle.close();
    session.written.set(file, { size: open.size, sha256 });
    return { status: 'written', size: open.size, sha256 };
  }

  /** mkdir -p inside the temporary folder, remembering each folder made so it can be fsynced. */
  async function makeParents(session: Session, file: string): Promise<void> {
    const segments = file.split('/').slice(0, -1);
    for (let depth = 1; depth <= segments.length; depth++) {
      const folder = path.join(session.tempDir, ...segments.slice(0, depth));
      if (session.folders.has(folder)) continue;
      await fs.mkdir(folder, { recursive: true });
      session.folders.add(folder);
    }
  }

  /** Every listed file written in full with the same digest, and nothing written that is not listed. */
  function checkListed(session: Session, manifest: Manifest): ExchangeFailure | null {
    const [unfinished] = session.open.keys();
    if (unfinished !== undefined) return failed('verifyFailed', `${unfinished} was not written to its end`);
    const listed = new Set<string>();
    for (const entry of manifest.files) {
      if (entry.path === MANIFEST_PATH) return failed('verifyFailed', 'the manifest lists itself');
      if (listed.has(entry.path)) return failed('verifyFailed', `${entry.path} is listed twice`);
      listed.add(entry.path);
      const written = session.written.get(entry.path);
      if (!written) return failed('verifyFailed', `${entry.path} is listed but was not written`);
      if (written.sha256 !== entry.sha256 || written.size !== entry.size)
        return failed(
          'verifyFailed',
          `${entry.path}: written ${written.sha256} (${String(written.size)} bytes), listed ${entry.sha256} (${String(entry.size)} bytes)`,
        );
    }
    for (const file of session.written.keys())
      if (!listed.has(file))
        return failed('verifyFailed', `${file} was written but the manifest does not list it`);
    return null;
  }

  /** The manifest under a temporary name, fsynced, then renamed: it is there whole or not at all. */
  async function writeManifest(session: Session, text: string): Promise<void> {
    await makeParents(session, MANIFEST_PATH);
    const finalName = path.join(session.tempDir, ...MANIFEST_PATH.split('/'));
    const partial = `${finalName}.partial`;
    const handle = await fs.open(partial, 'wx');
    try {
      await writeAll(handle, Buffer.from(text, 'utf8'), 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(partial, finalName);
  }

  /** Reads the final folder back: what the stick gives now must be what the page handed over. */
  async function readBack(
    session: Session,
    manifest: Manifest,
    text: string,
  ): Promise<ExchangeFailure | null> {
    const expected = [
      ...manifest.files.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256 })),
      {
        path: MANIFEST_PATH,
        size: Buffer.byteLength(text, 'utf8'),
        sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
      },
    ];
    const problems = await inParallel(
      expected,
      READ_BACK_LANES,
      async (entry): Promise<ExchangeFailure | null> => {
        let found;
        try {
          found = await hashFile(path.join(session.finalPath, ...entry.path.split('/')));
        } catch (error) {
          // A file missing from a target that is still there was lost by the file system (some FAT
          // drivers lose a renamed folder's contents), which is a failed check, not a pulled stick.
          if (errorCode(error) !== 'ENOENT' || !(await exists(session.targetDir))) throw error;
          return failed('verifyFailed', `${entry.path} is missing when read back`);
        }
        if (found.size !== entry.size || found.sha256 !== entry.sha256)
          return failed(
            'verifyFailed',
            `${entry.path} reads back as ${found.sha256} (${String(found.size)} bytes), written as ${entry.sha256} (${String(entry.size)} bytes)`,
          );
        return null;
      },
    );
    return problems.find((problem) => problem !== null) ?? null;
  }

  async function finish(session: Session, text: string): Promise<Done> {
    const manifestBytes = Buffer.byteLength(text, 'utf8');
    if (manifestBytes > MAX_MANIFEST_BYTES)
      return failed('tooLarge', `the manifest has ${String(manifestBytes)} bytes, more than a bundle may`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return failed(
        'io',
        `the manifest is not JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const parsed = ManifestSchema.safeParse(json);
    if (!parsed.success)
      return failed('io', `the manifest breaks the bundle format: ${describeIssues(parsed.error)}`);
    const manifest = parsed.data;
    const unlisted = checkListed(session, manifest);
    if (unlisted) return unlisted;

    await writeManifest(session, text);
    // Deepest first, so each folder's entry is durable in its parent before the parent is synced.
    const folders = [...session.folders].sort((a, b) => b.length - a.length);
    for (const folder of folders) await syncFolder(folder);
    await syncFolder(session.tempDir);
    // rename() would quietly replace an empty folder of that name on Linux; a folder made meanwhile
    // must stay what it is.
    if (await exists(session.finalPath))
      return failed('exists', `${session.finalPath} appeared during the export`);
    await fs.rename(session.tempDir, session.finalPath);
    session.renamed = true;
    await syncFolder(session.targetDir);

    const mismatch = await readBack(session, manifest, text);
    if (mismatch) return mismatch;
    forget(session);
    const bytes = manifest.files.reduce((sum, f) => sum + f.size, manifestBytes);
    return { status: 'done', path: session.finalPath, files: manifest.files.length + 1, bytes };
  }

  async function begin(request: ExportBeginRequest): Promise<ResponseOf<'exportBegin'>> {
    if (!path.isAbsolute(request.targetDir))
      return failed('unsafePath', `not an absolute path: ${request.targetDir.slice(0, 80)}`);
    const targetDir = path.resolve(request.targetDir);
    const hidden = hiddenPart(targetDir);
    if (hidden !== null) return failed('unsafePath', `an export never goes into a hidden folder (${hidden})`);
    let stats;
    try {
      stats = await fs.stat(targetDir);
    } catch (error) {
      return faultOfError(error, 'notFound');
    }
    if (!stats.isDirectory()) return failed('notAFolder', `${targetDir} is not a folder`);
    const nameProblem = folderNameProblem(request.folderName);
    if (nameProblem) return failed('unsafePath', nameProblem);
    const finalPath = path.join(targetDir, request.folderName);
    if (await exists(finalPath)) return failed('exists', `${finalPath} is already there`);

    const fileSystem = await options.fileSystemOf(targetDir);
    if (request.largestFileBytes > maxFileBytes) {
      const where = isFat(fileSystem)
        ? `the target's file system (${fileSystem ?? 'FAT'}) holds no file over ${gib(maxFileBytes)}`
        : `a bundle holds no file over ${gib(maxFileBytes)}, so that any stick can take it`;
      return failed('fileTooLarge', `a file of ${gib(request.largestFileBytes)}: ${where}`);
    }
    const freeBytes = await freeSpace(targetDir);
    const needBytes = request.totalBytes + SPACE_MARGIN_BYTES;
    if (freeBytes !== null && freeBytes < needBytes)
      return failed(
        'noSpace',
        `${targetDir} has ${String(freeBytes)} bytes free, ${String(needBytes)} needed`,
        {
          needBytes,
          freeBytes,
        },
      );

    const tempDir = path.join(targetDir, temporaryName(request.folderName));
    await fs.mkdir(tempDir);
    try {
      await probeWrite(tempDir);
    } catch (error) {
      await fs.rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
      throw error;
    }
    const id = randomBytes(16).toString('hex');
    const session: Session = {
      id,
      targetDir,
      tempDir,
      finalPath,
      fileSystem,
      open: new Map(),
      written: new Map(),
      spellings: new Map(),
      folders: new Set(),
      renamed: false,
      lanes: new Map(),
      barrier: Promise.resolve(),
      running: new Set(),
      idleTimer: null,
    };
    sessions.set(id, session);
    options.liveSessions?.add(id);
    options.tempDirsInProgress?.add(tempDir);
    keepAlive(session);
    return { status: 'started', sessionId: id, finalPath, fileSystem, freeBytes };
  }

  return {
    exportBegin: async (request) => {
      try {
        return await begin(request);
      } catch (error) {
        // Nothing was written yet: a folder missing now was never there as far as the user knows.
        return faultOfError(error, 'notFound');
      }
    },

    exportWrite: ({ sessionId, path: file, offset, final, bytes }) =>
      step(sessionId, file, async (session) =>
        writePiece(session, file, offset, final, await bytesOf(bytes)),
      ),

    exportFinish: ({ sessionId, manifest }) => step(sessionId, null, (session) => finish(session, manifest)),

    exportAbort: async ({ sessionId }) => {
      const session = sessions.get(sessionId);
      // In the session's turn, so a step asked for later finds the session gone.
      return { removed: session ? await endInTurn(session) : false };
    },
  };
}
