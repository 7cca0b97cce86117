// Writing an export folder through the host: begin (free space and file-size limits are checked
// before a byte is written), every file in pieces, the signed manifest last (the host renames the
// folder into place and reads it all back), or abort — on a cancel or any failure the temporary
// folder goes, so nothing that looks complete is left on the stick.
import { inParallel } from '../../../../shared/bundle/in-parallel';
import type { ManifestFile } from '../../../../shared/bundle/manifest';
import type { ExchangeFailure, HostApi } from '../../../../shared/contract';
import { TransferRate, type TransferProgress } from './transfer-rate';

export interface ExportFile {
  readonly path: string;
  readonly role: ManifestFile['role'];
  readonly size: number;
  readonly mimeType?: string;
  /** Known beforehand for photo originals (their key): the host's hash must agree. */
  readonly sha256?: string;
  readonly content: () => Promise<Blob | Uint8Array>;
}

export type ExportOutcome =
  | { readonly status: 'done'; readonly path: string; readonly files: number; readonly bytes: number }
  | { readonly status: 'failed'; readonly failure: ExchangeFailure }
  | { readonly status: 'cancelled' };

export type ExchangeApi = Pick<HostApi, 'exportBegin' | 'exportWrite' | 'exportFinish' | 'exportAbort'>;

/** Pieces small enough for one request, large enough that a photo is usually one. */
export const PIECE_BYTES = 8 * 1024 * 1024;
/** Files written side by side, so one file's fsync overlaps the next one's bytes. */
const PARALLEL_FILES = 6;
/**
 * The progress bar is redrawn at most this often: a thousand small photos would otherwise redraw
 * the page a thousand times, and the drawing took as much of the page's time as the sending did.
 */
export const PROGRESS_EVERY_MS = 100;

class Stop extends Error {
  constructor(readonly outcome: ExportOutcome) {
    super(outcome.status);
  }
}

export interface WriteExportInput {
  /** The host's grant for the folder or drive the export folder is made in. */
  readonly target: string;
  readonly folderName: string;
  readonly files: readonly ExportFile[];
  /** Makes the signed manifest's text from the files as written. */
  readonly manifest: (files: ManifestFile[]) => Promise<string>;
}

/**
 * A file's pieces, each at most PIECE_BYTES: slices of a Blob (which the browser host sends without
 * reading them into the page) or views of a Uint8Array; an empty file is one empty piece. A file of
 * one piece goes as it is: slicing an IndexedDB Blob costs the page a millisecond for nothing.
 */
async function piecesOf(
  content: Blob | Uint8Array,
  each: (bytes: Blob | Uint8Array, size: number, offset: number) => Promise<void>,
) {
  const size = content instanceof Uint8Array ? content.byteLength : content.size;
  let offset = 0;
  do {
    const end = Math.min(size, offset + PIECE_BYTES);
    const piece =
      offset === 0 && end === size
        ? content
        : content instanceof Uint8Array
          ? content.subarray(offset, end)
          : content.slice(offset, end);
    await each(piece, end - offset, offset);
    offset = end;
  } while (offset < size);
}

export async function writeExport(
  api: ExchangeApi,
  input: WriteExportInput,
  onProgress: (progress: TransferProgress & { phase: 'writing' | 'verifying' }) => void,
  signal: AbortSignal,
): Promise<ExportOutcome> {
  const totalBytes = input.files.reduce((n, f) => n + f.size, 0);
  const largest = input.files.reduce((n, f) => Math.max(n, f.size), 0);
  const begun = await api.exportBegin({
    grant: input.target,
    folderName: input.folderName,
    totalBytes,
    largestFileBytes: largest,
  });
  if (begun.status === 'failed') return { status: 'failed', failure: begun };
  const { sessionId } = begun;
  const rate = new TransferRate(totalBytes);
  let done = 0;
  let shownAt = -Infinity;
  const showWriting = () => {
    const now = performance.now();
    if (done < totalBytes && now - shownAt < PROGRESS_EVERY_MS) return;
    shownAt = now;
    onProgress({ ...rate.progress(done), phase: 'writing' });
  };
  const written: ManifestFile[] = [];
  // Set when one file fails, so the files written beside it stop too.
  let stopped = false;
  const checkCancel = () => {
    if (stopped) throw new Stop({ status: 'cancelled' });
    if (signal.aborted) throw new Stop({ status: 'cancelled' });
  };

  const writeFile = async (file: ExportFile) => {
    checkCancel();
    const content = await file.content();
    const size = content instanceof Uint8Array ? content.byteLength : content.size;
    let sha256: string | null = null;
    await piecesOf(content, async (bytes, pieceSize, offset) => {
      checkCancel();
      const final = offset + pieceSize >= size;
      const reply = await api.exportWrite({ sessionId, path: file.path, offset, final, bytes });
      if (reply.status === 'failed') throw new Stop({ status: 'failed', failure: reply });
      done += pieceSize;
      showWriting();
      if (final) sha256 = reply.sha256;
    });
    if (sha256 === null || (file.sha256 !== undefined && sha256 !== file.sha256))
      throw new Stop({
        status: 'failed',
        failure: {
          status: 'failed',
          fault: 'verifyFailed',
          detail: `${file.path}: the bytes written do not have the photo's SHA-256 (${String(file.sha256)})`,
        },
      });
    written.push({
      path: file.path,
      sha256,
      size,
      role: file.role,
      ...(file.mimeType ? { mimeType: file.mimeType } : {}),
    });
  };

  try {
    await inParallel(input.files, PARALLEL_FILES, writeFile);
    checkCancel();
    onProgress({ ...rate.progress(done), phase: 'verifying' });
    const order = new Map(input.files.map((f, i) => [f.path, i]));
    written.sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
    const finished = await api.exportFinish({ sessionId, manifest: await input.manifest(written) });
    if (finished.status === 'failed') return { status: 'failed', failure: finished };
    return { status: 'done', path: finished.path, files: finished.files, bytes: finished.bytes };
  } catch (error) {
    stopped = true;
    await api.exportAbort({ sessionId }).catch(() => undefined);
    if (error instanceof Stop) return error.outcome;
    throw error;
  }
}
