// The timing behind a form's draft, as plain code: what is typed is written after a pause in typing
// (one write per pause, not per key), written at once when the page is hidden or the form goes away,
// and every write and removal happens in the order asked, so a write that was waiting can never bring
// back a draft removed after it.

export interface DraftKeeperOptions<V> {
  write: (values: V) => Promise<void>;
  remove: () => Promise<void>;
  /** The pause in typing after which the values are written. */
  delayMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** A write or removal that failed: the form goes on, but the person should be told. */
  onError?: (error: unknown) => void;
}

export interface DraftKeeper<V> {
  /** The latest values; written after the pause unless newer ones come first. */
  keep: (values: V) => void;
  /** Writes the waiting values now; resolves when every write asked for so far is done. */
  flush: () => Promise<void>;
  /** Drops the waiting values and removes the stored draft (after any write already started). */
  clear: () => Promise<void>;
  /** Drops the waiting values without writing or removing anything. */
  cancel: () => void;
  /** Whether values are waiting to be written. */
  pending: () => boolean;
}

export const DRAFT_DELAY_MS = 500;

export function createDraftKeeper<V>({
  write,
  remove,
  delayMs = DRAFT_DELAY_MS,
  setTimer = (run, ms) => setTimeout(run, ms),
  clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  onError = () => undefined,
}: DraftKeeperOptions<V>): DraftKeeper<V> {
  let waiting: { values: V } | null = null;
  let timer: unknown = null;
  let queue: Promise<void> = Promise.resolve();

  const enqueue = (step: () => Promise<void>): Promise<void> => {
    queue = queue.then(step).catch(onError);
    return queue;
  };
  const stopTimer = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };
  const writeWaiting = (): Promise<void> => {
    stopTimer();
    const taken = waiting;
    waiting = null;
    return taken ? enqueue(() => write(taken.values)) : queue;
  };

  return {
    keep: (values) => {
      waiting = { values };
      stopTimer();
      timer = setTimer(() => {
        timer = null;
        void writeWaiting();
      }, delayMs);
    },
    flush: writeWaiting,
    clear: () => {
      stopTimer();
      waiting = null;
      return enqueue(remove);
    },
    cancel: () => {
      stopTimer();
      waiting = null;
    },
    pending: () => waiting !== null,
  };
}

/**
 * Whether two forms' values are the same, whatever the order of their keys and with an absent key
 * the same as an undefined one: a form brought back to where it started needs no draft.
 */
export function sameValues(a: unknown, b: unknown): boolean {
  return stableText(a) === stableText(b);
}

function stableText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, inner]) => inner !== undefined)
            .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
        )
      : v,
  );
}
