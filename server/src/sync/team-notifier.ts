// Wakes long-polling pulls when a push stores something in their team's log. In-process: one server
// process owns the database's writes (SQLite) or, on PostgreSQL, each process wakes its own pullers and
// others see the new operations at their next poll (at most `wait` seconds later).
export class TeamNotifier {
  readonly #waiting = new Map<string, Set<() => void>>();
  /** Per team, how many times it was woken: a reader takes it before reading the log. */
  readonly #generations = new Map<string, number>();
  #closed = false;

  generation(teamId: string): number {
    return this.#generations.get(teamId) ?? 0;
  }

  /**
   * Resolves when the team's log grows, after `ms`, when `signal` aborts, or when the server closes,
   * whichever comes first; at once if the team was woken since `generation` (a push that committed
   * between the reader's read and this wait is not missed). The caller reads the log again either way.
   */
  wait(teamId: string, generation: number, ms: number, signal?: AbortSignal): Promise<void> {
    if (this.#closed || signal?.aborted || this.generation(teamId) !== generation) return Promise.resolve();
    return new Promise((resolve) => {
      const waiters = this.#waiting.get(teamId) ?? new Set<() => void>();
      this.#waiting.set(teamId, waiters);
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        waiters.delete(done);
        if (waiters.size === 0 && this.#waiting.get(teamId) === waiters) this.#waiting.delete(teamId);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
      waiters.add(done);
    });
  }

  wake(teamId: string): void {
    this.#generations.set(teamId, this.generation(teamId) + 1);
    for (const done of [...(this.#waiting.get(teamId) ?? [])]) done();
  }

  /** Wakes everyone and refuses to wait again: a closing server must not hold its shutdown 30 s. */
  close(): void {
    this.#closed = true;
    for (const teamId of [...this.#waiting.keys()]) this.wake(teamId);
  }

  /** How many pulls are waiting (for tests). */
  get waiting(): number {
    let count = 0;
    for (const waiters of this.#waiting.values()) count += waiters.size;
    return count;
  }
}
