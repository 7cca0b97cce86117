// Adds many files as photos: prepares a few at a time (each is decoded in a worker), stores them in
// batches, and reports progress. One bad file fails alone, with its name; the rest go on. A cancel
// stops further files; batches already stored stay stored, and a batch is stored whole or not at all.
import type { Photo } from '../../../shared/domain/photo';
import { isPhotoIntakeError, type PhotoIntakeErrorKind } from '../../../shared/photos/intake-errors';
import type { PreparedPhoto } from '../../../shared/photos/prepared';
import type { IntakeSource } from './intake';
import { technicalDetail } from '../../ui/user-error';

/** A file to add, with the name the user knows it by (its path inside a dropped folder). */
export interface IntakeItem {
  file: File | IntakeSource;
  label: string;
}

/** What can go wrong with one file: the intake's own kinds, or something unexpected. */
export type IntakeFailureKind = PhotoIntakeErrorKind | 'unexpected';

export type IntakeOutcome =
  | { status: 'added' | 'duplicate'; label: string; photo: Photo }
  | { status: 'failed'; label: string; kind: IntakeFailureKind; detail: string };

export type IntakeFailure = Extract<IntakeOutcome, { status: 'failed' }>;

export interface IntakeProgress {
  total: number;
  /** Files finished: added, found already stored, or failed. */
  done: number;
  added: number;
  duplicates: number;
  failed: number;
  startedAt: number;
  elapsedMs: number;
}

export interface IntakeSummary extends IntakeProgress {
  outcomes: IntakeOutcome[];
  /** Why the run ended before every file was tried: the user cancelled, or the storage is full. */
  stopped: 'cancelled' | 'storageFull' | null;
}

export interface AddedLike {
  photo: Photo;
  created: boolean;
}

export interface IntakeRunOptions {
  prepare: (item: IntakeItem, signal: AbortSignal) => Promise<PreparedPhoto>;
  /** Stores a batch all or nothing; results in the batch's order. */
  store: (batch: readonly PreparedPhoto[]) => Promise<readonly AddedLike[]>;
  signal: AbortSignal;
  /** Files prepared at once. */
  concurrency?: number;
  batchSize?: number;
  /** Called after every finished file with the new outcome. */
  onProgress?: (progress: IntakeProgress, outcome: IntakeOutcome) => void;
  now?: () => number;
}

export const INTAKE_CONCURRENCY = 4;
export const INTAKE_BATCH_SIZE = 10;
/** Prepared batches waiting for the database at most; more would hold many originals in memory. */
const MAX_WAITING_BATCHES = 2;

export const emptyProgress = (total: number, startedAt: number): IntakeProgress => ({
  total,
  done: 0,
  added: 0,
  duplicates: 0,
  failed: 0,
  startedAt,
  elapsedMs: 0,
});

/** Folds one finished file into the progress. */
export function advance(progress: IntakeProgress, outcome: IntakeOutcome, now: number): IntakeProgress {
  return {
    ...progress,
    done: progress.done + 1,
    added: progress.added + (outcome.status === 'added' ? 1 : 0),
    duplicates: progress.duplicates + (outcome.status === 'duplicate' ? 1 : 0),
    failed: progress.failed + (outcome.status === 'failed' ? 1 : 0),
    elapsedMs: Math.max(0, now - progress.startedAt),
  };
}

/** Files finished per second, or null in the first half second, when a rate would only be noise. */
export function filesPerSecond(progress: Pick<IntakeProgress, 'done' | 'elapsedMs'>): number | null {
  if (progress.elapsedMs < 500 || progress.done === 0) return null;
  return progress.done / (progress.elapsedMs / 1000);
}

/** Whole percent finished, 100 only when every file is. */
export function percentDone(progress: Pick<IntakeProgress, 'done' | 'total'>): number {
  if (progress.total === 0) return 100;
  const percent = Math.floor((progress.done / progress.total) * 100);
  return progress.done < progress.total ? Math.min(99, percent) : 100;
}

const failureOf = (label: string, error: unknown): IntakeFailure =>
  isPhotoIntakeError(error)
    ? { status: 'failed', label, kind: error.kind, detail: error.detail }
    : {
        status: 'failed',
        label,
        kind: 'unexpected',
        detail: technicalDetail(error),
      };

interface Ready {
  item: IntakeItem;
  prepared: PreparedPhoto;
}

export async function runIntake(
  items: readonly IntakeItem[],
  options: IntakeRunOptions,
): Promise<IntakeSummary> {
  const { signal } = options;
  const now = options.now ?? Date.now;
  const concurrency = Math.max(1, options.concurrency ?? INTAKE_CONCURRENCY);
  const batchSize = Math.max(1, options.batchSize ?? INTAKE_BATCH_SIZE);
  const outcomes: IntakeOutcome[] = [];
  let progress = emptyProgress(items.length, now());
  let storageFull = false;
  let next = 0;
  let ready: Ready[] = [];
  let waitingBatches = 0;
  // Batches are stored one after another, while the next files are being prepared.
  let storing: Promise<void> = Promise.resolve();

  const finish = (outcome: IntakeOutcome) => {
    outcomes.push(outcome);
    progress = advance(progress, outcome, now());
    options.onProgress?.(progress, outcome);
  };
  const stopped = () => signal.aborted || storageFull;

  const storeBatch = async (batch: Ready[]) => {
    // Cancelled while waiting: prepared but not stored, so not added.
    if (stopped()) return;
    let added: readonly AddedLike[];
    try {
      added = await options.store(batch.map((r) => r.prepared));
    } catch (error) {
      if (isPhotoIntakeError(error) && error.kind === 'storageFull') storageFull = true;
      for (const r of batch) finish(failureOf(r.item.label, error));
      return;
    }
    batch.forEach((r, i) => {
      const result = added[i];
      if (result)
        finish({ status: result.created ? 'added' : 'duplicate', label: r.item.label, photo: result.photo });
      else finish(failureOf(r.item.label, new Error('the database returned no result for this photo')));
    });
  };

  const flush = () => {
    if (ready.length === 0) return;
    const batch = ready;
    ready = [];
    waitingBatches++;
    storing = storing.then(() => storeBatch(batch)).finally(() => waitingBatches--);
  };

  const worker = async () => {
    while (!stopped()) {
      while (waitingBatches >= MAX_WAITING_BATCHES && !stopped()) await storing;
      const index = next++;
      const item = items[index];
      if (!item || stopped()) return;
      try {
        const prepared = await options.prepare(item, signal);
        if (stopped()) return;
        ready.push({ item, prepared });
        if (ready.length >= batchSize) flush();
      } catch (error) {
        if (signal.aborted) return; // the cancel's own rejection, not the file's fault
        finish(failureOf(item.label, error));
      }
    }
  };

  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  flush();
  await storing;
  progress = { ...progress, elapsedMs: Math.max(0, now() - progress.startedAt) };
  return {
    ...progress,
    outcomes,
    stopped: storageFull
      ? 'storageFull'
      : signal.aborted && progress.done < progress.total
        ? 'cancelled'
        : null,
  };
}
