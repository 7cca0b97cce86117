// Reading a bundle for import: the host lists and hashes the folder (refusing links and unsafe names),
// the shared verifier checks the manifest, its signature, every size and hash; then the operations are
// read, checked against their hash once more, decoded and previewed. Nothing is written here.
import type { Manifest, ManifestFile } from '../../../../shared/bundle/manifest';
import { inParallel } from '../../../../shared/bundle/in-parallel';
import { decodeOperations, type OperationsProblem } from '../../../../shared/bundle/operations-ndjson';
import { verifyBundle, type BundleProblem } from '../../../../shared/bundle/verify';
import { MAX_READ_BYTES, type ExchangeFailure, type HostApi } from '../../../../shared/contract';
import { blobOf } from '../../../../shared/contract/channel';
import { sha256Hex } from '../../../../shared/crypto/sha256';
import type { Operation } from '../../../../shared/sync/operation';
import type { exchangeActions, ImportPreview, ImportReceiptRow, PhotoBlobRow } from '../../../db';

export type ImportApi = Pick<HostApi, 'importScan' | 'importRead' | 'importReadFiles'>;
type Exchange = ReturnType<typeof exchangeActions>;

/** A problem with the bundle (named by the verifier) or with reading it (named by the host). */
export type ReadProblem =
  | {
      readonly kind: 'bundle';
      readonly problem: BundleProblem;
      /** The source laptop's name, for "ask 〈name〉 for a full bundle" (incrementalGap only). */
      readonly source?: string;
    }
  | { readonly kind: 'host'; readonly failure: ExchangeFailure }
  | { readonly kind: 'keyChanged'; readonly device: string }
  | {
      readonly kind: 'operations';
      readonly line: number;
      readonly problem: OperationsProblem;
      readonly detail: string;
      readonly table?: string;
      readonly field?: string;
      readonly key?: string;
    };

export interface ReadyBundle {
  /** The bundle folder's path, to show and to keep in the receipt. */
  readonly folder: string;
  /** The host's grant to read inside that folder, and nowhere else. */
  readonly bundleGrant: string;
  readonly manifest: Manifest;
  readonly manifestSha256: string;
  readonly trust: 'known' | 'unknown';
  readonly operations: Operation[];
  readonly preview: ImportPreview;
  readonly earlier: ImportReceiptRow[];
  readonly unlisted: string[];
}

export type BundleReading =
  | { readonly status: 'problem'; readonly problem: ReadProblem }
  | {
      readonly status: 'candidates';
      readonly candidates: { folder: string; name: string; grant: string }[];
    }
  | { readonly status: 'ready'; readonly bundle: ReadyBundle };

/** Pieces of a file too large for one checked read (a video); a photo is one read. */
const READ_PIECE = 16 * 1024 * 1024;

class ReadFailure extends Error {
  constructor(readonly failure: ExchangeFailure) {
    super(failure.detail);
  }
}

const changedWhileRead = (file: ManifestFile, size: number): ReadFailure =>
  new ReadFailure({
    status: 'failed',
    fault: 'verifyFailed',
    detail: `${file.path} changed while it was read (${String(size)} bytes, not ${String(file.size)})`,
  });

interface ReadFile {
  readonly file: ManifestFile;
  readonly blob: Blob;
}

/**
 * Listed files as Blobs, read together and checked by the host against the manifest's sizes and
 * SHA-256s; their bytes reach IndexedDB without passing through JavaScript here. Each file fits one
 * read (MAX_READ_BYTES), and so do all of them together.
 */
async function readCheckedTogether(
  api: ImportApi,
  bundleGrant: string,
  files: readonly ManifestFile[],
): Promise<ReadFile[]> {
  const reply = await api.importReadFiles({
    bundleGrant,
    files: files.map((file) => ({ path: file.path, sha256: file.sha256 })),
  });
  if (reply.status === 'failed') throw new ReadFailure(reply);
  const whole = blobOf(reply.bytes);
  const read: ReadFile[] = [];
  let start = 0;
  for (const [index, file] of files.entries()) {
    const size = reply.sizes[index] ?? -1;
    const end = start + size;
    const last = index === files.length - 1;
    if (size !== file.size || end > whole.size || (last && end !== whole.size))
      throw changedWhileRead(file, size);
    read.push({ file, blob: whole.slice(start, start + size, file.mimeType ?? 'application/octet-stream') });
    start += size;
  }
  return read;
}

/**
 * A file too large for one read (a video), read in pieces and hashed here, since no single read
 * holds all of it for the host to check.
 */
async function readInPieces(api: ImportApi, bundleGrant: string, file: ManifestFile): Promise<Blob> {
  const pieces: Blob[] = [];
  let offset = 0;
  while (offset < file.size) {
    const reply = await api.importRead({
      bundleGrant,
      path: file.path,
      offset,
      length: Math.min(READ_PIECE, file.size - offset),
    });
    if (reply.status === 'failed') throw new ReadFailure(reply);
    const piece = blobOf(reply.bytes);
    if (reply.size !== file.size || piece.size === 0) throw changedWhileRead(file, reply.size);
    pieces.push(piece);
    offset += piece.size;
  }
  const whole = new Blob(pieces, { type: file.mimeType ?? 'application/octet-stream' });
  if ((await sha256Hex(new Uint8Array(await whole.arrayBuffer()))) !== file.sha256)
    throw new ReadFailure({
      status: 'failed',
      fault: 'verifyFailed',
      detail: `${file.path} changed after it was checked: its SHA-256 no longer matches the manifest`,
    });
  return whole;
}

/** Files read as one step: several that fit one read together, or one too large for it. */
const readGroup = async (
  api: ImportApi,
  bundleGrant: string,
  group: readonly ManifestFile[],
): Promise<ReadFile[]> => {
  const [only] = group;
  return group.length === 1 && only && only.size > MAX_READ_BYTES
    ? [{ file: only, blob: await readInPieces(api, bundleGrant, only) }]
    : readCheckedTogether(api, bundleGrant, group);
};

/**
 * The files in groups of at most `maxBytes` and `maxFiles`, in their order; a file larger than
 * `maxBytes` is a group of its own.
 */
export function readGroups(
  files: readonly ManifestFile[],
  maxBytes: number,
  maxFiles: number,
): ManifestFile[][] {
  const groups: ManifestFile[][] = [];
  let group: ManifestFile[] = [];
  let bytes = 0;
  for (const file of files) {
    if (group.length > 0 && (bytes + file.size > maxBytes || group.length >= maxFiles)) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
    group.push(file);
    bytes += file.size;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

const checkedBytes = async (api: ImportApi, bundleGrant: string, file: ManifestFile): Promise<Uint8Array> => {
  const blobs = await readGroup(api, bundleGrant, [file]);
  return new Uint8Array(await new Blob(blobs.map((read) => read.blob)).arrayBuffer());
};

/**
 * An incremental gap is found after the whole manifest was checked, so its source's name is sound to
 * show; no other problem's manifest is read for it.
 */
function sourceOfGap(problem: BundleProblem, manifestText: string): { source?: string } {
  if (problem.code !== 'incrementalGap') return {};
  try {
    const name: unknown = (JSON.parse(manifestText) as { source?: { name?: unknown } }).source?.name;
    return typeof name === 'string' ? { source: name } : {};
  } catch {
    return {};
  }
}

/** Reads the bundle in the folder (or drive) of `grant`, or lists the export folders in it. */
export async function readBundle(api: ImportApi, exchange: Exchange, grant: string): Promise<BundleReading> {
  const scan = await api.importScan({ grant });
  if (scan.status === 'failed') return { status: 'problem', problem: { kind: 'host', failure: scan } };
  if (scan.status === 'notABundle') {
    const only = scan.candidates.length === 1 ? scan.candidates[0] : undefined;
    if (only) return readBundle(api, exchange, only.grant);
    return { status: 'candidates', candidates: scan.candidates };
  }
  const [trusted, held, self] = await Promise.all([
    exchange.trustedKeys(),
    exchange.knowledge(),
    exchange.identity(),
  ]);
  const check = await verifyBundle({
    manifestText: scan.manifest,
    files: scan.files,
    refused: scan.refused,
    now: Date.now(),
    trustedKeyOf: (node) => trusted.get(node) ?? null,
    held,
    self: { node: self.node },
  });
  if (!check.ok)
    return {
      status: 'problem',
      problem: { kind: 'bundle', problem: check.problem, ...sourceOfGap(check.problem, scan.manifest) },
    };
  const { manifest } = check;
  if (check.trust === 'keyChanged')
    return { status: 'problem', problem: { kind: 'keyChanged', device: manifest.source.name } };
  const opsFile = manifest.files.find((f) => f.path === manifest.operations.path);
  if (!opsFile)
    return {
      status: 'problem',
      problem: { kind: 'bundle', problem: { code: 'operationsMissing' } as BundleProblem },
    };
  let opsBytes: Uint8Array;
  try {
    opsBytes = await checkedBytes(api, scan.bundleGrant, opsFile);
  } catch (error) {
    if (error instanceof ReadFailure)
      return { status: 'problem', problem: { kind: 'host', failure: error.failure } };
    throw error;
  }
  const decoded = decodeOperations(opsBytes, manifest.operations.count, { clockRange: manifest.clockRange });
  if (!decoded.ok) return { status: 'problem', problem: { kind: 'operations', ...decoded } };
  const manifestSha256 = await sha256Hex(new TextEncoder().encode(scan.manifest));
  const [preview, earlier] = await Promise.all([
    exchange.preview(manifest, decoded.operations),
    exchange.receiptsOfBundle(manifestSha256),
  ]);
  return {
    status: 'ready',
    bundle: {
      folder: scan.folder,
      bundleGrant: scan.bundleGrant,
      manifest,
      manifestSha256,
      trust: check.trust,
      operations: decoded.operations,
      preview,
      earlier,
      unlisted: check.unlisted,
    },
  };
}

export type PhotoReading =
  | { readonly status: 'read'; readonly photos: PhotoBlobRow[] }
  | { readonly status: 'failed'; readonly failure: ExchangeFailure };

/**
 * Originals go many to a read, a few reads side by side. Measured in Chromium (bench/README.md): a
 * page takes replies of ~32 MiB about three times faster than one reply per 2 MB photo, and more
 * than three in flight gained nothing; each read still waits on the stick and the host's hash.
 */
const READ_BYTES = 32 * 1024 * 1024;
const READ_FILES = 128;
const PARALLEL_READS = 3;

/** The user's Cancel, seen between two reads. */
class Cancelled extends Error {}

/** The originals this laptop lacks, each read and checked against its hash. */
export async function readNewPhotos(
  api: ImportApi,
  bundle: {
    readonly bundleGrant: string;
    readonly manifest: Pick<Manifest, 'files'>;
    readonly preview: Pick<ImportPreview, 'newPhotos'>;
  },
  onProgress: (doneBytes: number, totalBytes: number) => void,
  signal: AbortSignal,
): Promise<PhotoReading | { readonly status: 'cancelled' }> {
  const wanted = new Set(bundle.preview.newPhotos);
  const files = new Map<string, ManifestFile>();
  for (const f of bundle.manifest.files)
    if (f.role === 'blob' && wanted.has(f.sha256)) files.set(f.sha256, f);
  const list = [...files.values()];
  const total = list.reduce((n, f) => n + f.size, 0);
  let done = 0;
  try {
    const groups = readGroups(list, READ_BYTES, READ_FILES);
    const photos = await inParallel(groups, PARALLEL_READS, async (group): Promise<PhotoBlobRow[]> => {
      if (signal.aborted) throw new Cancelled();
      const read = await readGroup(api, bundle.bundleGrant, group);
      done += group.reduce((n, file) => n + file.size, 0);
      onProgress(done, total);
      return read.map(({ file, blob }) => ({
        sha256: file.sha256,
        mimeType: file.mimeType ?? 'application/octet-stream',
        byteLength: file.size,
        blob,
      }));
    });
    return { status: 'read', photos: photos.flat() };
  } catch (error) {
    if (error instanceof Cancelled) return { status: 'cancelled' };
    if (error instanceof ReadFailure) return { status: 'failed', failure: error.failure };
    throw error;
  }
}
