// A chore the server repeats while it runs (clearing what would otherwise pile up): once at start,
// then at a fixed period, never two at once, on a timer that keeps no process alive, stopped on close.

export interface Periodic {
  /** Clears the timer and waits for a run in progress, so nothing runs after the server closed. */
  stop(): Promise<void>;
}

/**
 * Runs `chore` now and every `everyMs`; the first run is awaited, so the server starts with it done.
 * A failing run is reported to `onError` and the next runs on time: a chore never stops the server.
 */
export async function runPeriodically(
  chore: () => Promise<void>,
  everyMs: number,
  onError: (error: unknown) => void,
): Promise<Periodic> {
  let running: Promise<void> | null = null;
  const run = (): Promise<void> => {
    // A run slower than the period (a slow disk) is not doubled: the next tick finds it still going.
    running ??= chore()
      .catch(onError)
      .finally(() => {
        running = null;
      });
    return running;
  };
  await run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
