// Reading a bundle for import: the host lists and hashes the folder (refusing links and unsafe names),
// the shared verifier checks the manifest, its signature, every size and hash; then the operations are
// read, checked against their hash once more, decoded and previewed. Nothing is written here.
import type { Manifest, ManifestFile } from '../../../../shared/bundle/manifest';
import { decodeOperations } from '../../../../shared/bundle/operations-ndjson';
import { verifyBundle, type BundleProblem } from '../../../../shared/bundle/verify';
import type { ExchangeFailure, HostApi } from '../../../../shared/contract';
import { sha256Hex } from '../../../../shared/photos/sha256';
import type { Operation } from '../../../../shared/sync/operation';
import type { exchangeSources, ImportPreview, ImportReceiptRow, PhotoBlobRow } from '../../../db';

export type ImportApi = Pick<HostApi, 'importScan' | 'importRead'>;
type Exchange = ReturnType<typeof exchangeSources>;

/** A problem with the bundle (named by the verifier) or with reading it (named by the host). */
export type ReadProblem =
  | { readonly kind: 'bundle'; readonly problem: BundleProblem }
  | { readonly kind: 'host'; readonly failure: ExchangeFailure }
  | { readonly kind: 'keyChanged'; readonly device: string }
  | { readonly kind: 'operations'; readonly line: number; readonly detail: string };

export interface ReadyBundle {
  readonly folder: string;
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
  | { readonly status: 'candidates'; readonly candidates: { folder: string; name: string }[] }
  | { readonly status: 'ready'; readonly bundle: ReadyBundle };

const READ_PIECE = 16 * 1024 * 1024;

class ReadFailure extends Error {
  constructor(readonly failure: ExchangeFailure) {
    super(failure.detail);
  }
}

/** All bytes of one listed file, in pieces, refusing a file whose size differs from the manifest's. */
async function readWhole(
  api: ImportApi,
  folder: string,
  file: ManifestFile,
): Promise<Uint8Array<ArrayBuffer>> {
  const whole = new Uint8Array(file.size);
  let offset = 0;
  while (offset < file.size) {
    const reply = await api.importRead({
      folder,
      path: file.path,
      offset,
      length: Math.min(READ_PIECE, file.size - offset),
    });
    if (reply.status === 'failed') throw new ReadFailure(reply);
    if (reply.size !== file.size || reply.bytes.byteLength === 0)
      throw new ReadFailure({
        status: 'failed',
        fault: 'verifyFailed',
        detail: `${file.path} changed while it was read (${String(reply.size)} bytes, not ${String(file.size)})`,
      });
    whole.set(reply.bytes, offset);
    offset += reply.bytes.byteLength;
  }
  return whole;
}

async function checkedBytes(
  api: ImportApi,
  folder: string,
  file: ManifestFile,
): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await readWhole(api, folder, file);
  if ((await sha256Hex(bytes)) !== file.sha256)
    throw new ReadFailure({
      status: 'failed',
      fault: 'verifyFailed',
      detail: `${file.path} changed after it was checked: its SHA-256 no longer matches the manifest`,
    });
  return bytes;
}

export async function readBundle(api: ImportApi, exchange: Exchange, folder: string): Promise<BundleReading> {
  const scan = await api.importScan({ folder });
  if (scan.status === 'failed') return { status: 'problem', problem: { kind: 'host', failure: scan } };
  if (scan.status === 'notABundle') {
    const only = scan.candidates.length === 1 ? scan.candidates[0] : undefined;
    if (only) return readBundle(api, exchange, only.folder);
    return { status: 'candidates', candidates: scan.candidates };
  }
  const trusted = await exchange.trustedKeys();
  const check = await verifyBundle({
    manifestText: scan.manifest,
    files: scan.files,
    refused: scan.refused,
    now: Date.now(),
    trustedKeyOf: (node) => trusted.get(node) ?? null,
  });
  if (!check.ok) return { status: 'problem', problem: { kind: 'bundle', problem: check.problem } };
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
    opsBytes = await checkedBytes(api, scan.folder, opsFile);
  } catch (error) {
    if (error instanceof ReadFailure)
      return { status: 'problem', problem: { kind: 'host', failure: error.failure } };
    throw error;
  }
  const decoded = decodeOperations(opsBytes, manifest.operations.count, { clockRange: manifest.clockRange });
  if (!decoded.ok)
    return { status: 'problem', problem: { kind: 'operations', line: decoded.line, detail: decoded.detail } };
  const manifestSha256 = await sha256Hex(new TextEncoder().encode(scan.manifest));
  const [preview, earlier] = await Promise.all([
    exchange.preview(manifest, decoded.operations),
    exchange.receiptsOfBundle(manifestSha256),
  ]);
  return {
    status: 'ready',
    bundle: {
      folder: scan.folder,
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

/** The originals this laptop lacks, each read and checked against its hash. */
export async function readNewPhotos(
  api: ImportApi,
  bundle: ReadyBundle,
  onProgress: (doneBytes: number, totalBytes: number) => void,
  signal: AbortSignal,
): Promise<PhotoReading | { readonly status: 'cancelled' }> {
  const wanted = new Set(bundle.preview.newPhotos);
  const files = new Map<string, ManifestFile>();
  for (const f of bundle.manifest.files)
    if (f.role === 'blob' && wanted.has(f.sha256)) files.set(f.sha256, f);
  const total = [...files.values()].reduce((n, f) => n + f.size, 0);
  let done = 0;
  const photos: PhotoBlobRow[] = [];
  try {
    for (const file of files.values()) {
      if (signal.aborted) return { status: 'cancelled' };
      const bytes = await checkedBytes(api, bundle.folder, file);
      const mimeType = file.mimeType ?? 'application/octet-stream';
      photos.push({
        sha256: file.sha256,
        mimeType,
        byteLength: file.size,
        blob: new Blob([bytes], { type: mimeType }),
      });
      done += file.size;
      onProgress(done, total);
    }
  } catch (error) {
    if (error instanceof ReadFailure) return { status: 'failed', failure: error.failure };
    throw error;
  }
  return { status: 'read', photos };
}
