// Runs derivatives.worker.ts in a small pool of workers, one photo per worker at a time: enough to
// keep a laptop's cores busy when an inspector adds a day's photos, few enough that the decoded
// pixels of several large photos never exhaust its memory. A picked file is prepared there whole
// (prepare), a photo from elsewhere only gets its copies (derive).
import type {
  DerivedImages,
  DeriveRequest,
  PrepareRequest,
  WorkerReply,
  WorkerRequest,
} from '../../../shared/photos/derive-protocol';
import { PhotoIntakeError } from '../../../shared/photos/intake-errors';
import type { PreparedPhoto } from '../../../shared/photos/prepared';

export type { DerivedImages } from '../../../shared/photos/derive-protocol';

/** The decoder refused the image, or its worker stopped. */
export class DeriveError extends Error {
  override name = 'DeriveError';
}

/** The parts of a Worker the pool uses, so that tests can stand in for one. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface DerivePoolOptions {
  size?: number;
  createWorker?: () => WorkerLike;
  /** Workers idle this long are stopped, giving back their memory; a new photo starts them again. */
  idleMs?: number;
}

export interface DerivePool {
  derive(blob: Blob, signal?: AbortSignal): Promise<DerivedImages>;
  /** A picked file prepared whole in a worker; rejects with PhotoIntakeError as prepareIntake does. */
  prepare(file: File, signal?: AbortSignal): Promise<PreparedPhoto>;
  /** Stops every worker and fails what is pending. */
  dispose(): void;
}

/**
 * One worker per core, at most four: the page's main thread only stores what the workers prepare,
 * so on a two-core laptop both cores decode (issue 21).
 */
export const defaultPoolSize = (
  cores: number | undefined = globalThis.navigator?.hardwareConcurrency,
): number => Math.max(1, Math.min(4, cores || 2));

const spawnDerivativesWorker = (): WorkerLike =>
  new Worker(new URL('./derivatives.worker.ts', import.meta.url), { type: 'module' });

/** A request without its id (the pool numbers it), kind by kind. */
type Message = Omit<DeriveRequest, 'id'> | Omit<PrepareRequest, 'id'>;

interface Job {
  id: number;
  message: Message;
  /** Settles the job with its worker's reply. */
  answer: (reply: WorkerReply) => void;
  /** Fails it when its worker died: the error the caller expects, with the detail. */
  die: (detail: string) => void;
  reject: (error: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

interface Slot {
  worker: WorkerLike;
  job: Job | null;
}

export function createDerivePool(options: DerivePoolOptions = {}): DerivePool {
  const size = Math.max(1, options.size ?? defaultPoolSize());
  const createWorker = options.createWorker ?? spawnDerivativesWorker;
  const idleMs = options.idleMs ?? 30_000;
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const finish = (job: Job) => job.signal?.removeEventListener('abort', job.onAbort);

  const retire = (slot: Slot) => {
    slot.worker.onmessage = null;
    slot.worker.onerror = null;
    slot.worker.terminate();
    const at = slots.indexOf(slot);
    if (at !== -1) slots.splice(at, 1);
  };

  const spawn = (): Slot => {
    const slot: Slot = { worker: createWorker(), job: null };
    slot.worker.onmessage = (event) => {
      const job = slot.job;
      const reply = event.data;
      if (!job || reply.id !== job.id) return;
      slot.job = null;
      finish(job);
      job.answer(reply);
      pump();
    };
    slot.worker.onerror = (event) => {
      // The worker died (failed to load, or ran out of memory): fail its photo and start afresh.
      event.preventDefault();
      const job = slot.job;
      retire(slot);
      if (job) {
        finish(job);
        job.die(event.message || 'the image worker stopped');
      }
      pump();
    };
    slots.push(slot);
    return slot;
  };

  const stopIdleWorkers = () => {
    for (const slot of [...slots]) if (!slot.job) retire(slot);
  };

  function pump(): void {
    clearTimeout(idleTimer);
    for (let job = queue[0]; job; job = queue[0]) {
      const slot = slots.find((s) => !s.job) ?? (slots.length < size ? spawn() : undefined);
      if (!slot) return;
      queue.shift();
      slot.job = job;
      slot.worker.postMessage({ id: job.id, ...job.message });
    }
    if (slots.length > 0 && slots.every((s) => !s.job)) idleTimer = setTimeout(stopIdleWorkers, idleMs);
  }

  const abort = (job: Job) => {
    const reason: unknown = job.signal?.reason;
    const queued = queue.indexOf(job);
    if (queued !== -1) {
      queue.splice(queued, 1);
    } else {
      // Running: the decode cannot be interrupted, so the worker goes, and its memory with it.
      const slot = slots.find((s) => s.job === job);
      if (!slot) return; // already settled
      retire(slot);
    }
    finish(job);
    job.reject(reason);
    pump();
  };

  /** Queues a message for the next free worker; `settle` turns its reply into the result. */
  function run<T>(
    message: Message,
    signal: AbortSignal | undefined,
    settle: (reply: WorkerReply, resolve: (value: T) => void, reject: (error: unknown) => void) => void,
    died: (detail: string) => Error,
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        id: nextId++,
        message,
        answer: (reply) => settle(reply, resolve, reject),
        die: (detail) => reject(died(detail)),
        reject,
        signal,
        onAbort: () => abort(job),
      };
      signal?.addEventListener('abort', job.onAbort, { once: true });
      queue.push(job);
      pump();
    });
  }

  return {
    derive: (blob, signal) =>
      run<DerivedImages>(
        { kind: 'derive', blob },
        signal,
        (reply, resolve, reject) => {
          if (!reply.ok) reject(new DeriveError(reply.detail));
          else if ('prepared' in reply) reject(new DeriveError('the worker prepared instead of deriving'));
          else {
            const { id: _id, ok: _ok, ...images } = reply;
            resolve(images);
          }
        },
        (detail) => new DeriveError(detail),
      ),

    prepare: (file, signal) =>
      run<PreparedPhoto>(
        { kind: 'prepare', file, name: file.name },
        signal,
        (reply, resolve, reject) => {
          if (reply.ok && 'prepared' in reply) resolve(reply.prepared);
          else if (reply.ok) reject(new DeriveError('the worker derived instead of preparing'));
          // A file the checks refused keeps its reason; anything else the worker met is a decoder's.
          else
            reject(
              new PhotoIntakeError(
                'refused' in reply && reply.refused ? reply.refused : 'undecodable',
                file.name,
                reply.detail,
              ),
            );
        },
        // A worker that died on a file (out of memory on a huge image) could not decode it.
        (detail) => new PhotoIntakeError('undecodable', file.name, detail),
      ),

    dispose() {
      clearTimeout(idleTimer);
      const pending = [...queue.splice(0), ...slots.flatMap((s) => (s.job ? [s.job] : []))];
      for (const slot of [...slots]) retire(slot);
      for (const job of pending) {
        finish(job);
        job.reject(new DeriveError('the photo pool was stopped'));
      }
    },
  };
}

let sharedPool: DerivePool | null = null;

/**
 * The thumbnail and display copy of an image, made in a worker. Rejects with DeriveError when the
 * image cannot be decoded, and with the signal's reason when aborted.
 */
export function deriveImages(blob: Blob, signal?: AbortSignal): Promise<DerivedImages> {
  sharedPool ??= createDerivePool();
  return sharedPool.derive(blob, signal);
}

/** A picked file prepared whole in the shared pool's workers (see DerivePool.prepare). */
export function prepareInWorker(file: File, signal?: AbortSignal): Promise<PreparedPhoto> {
  sharedPool ??= createDerivePool();
  return sharedPool.prepare(file, signal);
}
