// Sign-in failures counted per login and per IP address, in memory: after 5 within 15 minutes the
// next attempt is refused until the oldest failure leaves the window. Against password guessing, a
// scrypt hash per attempt does the rest; a restart forgets the counts, which costs an attacker a restart.
export const SIGN_IN_FAILURE_LIMIT = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Above this many keys, keys whose failures have all left the window are dropped. */
const SWEEP_ABOVE = 10_000;

export class FailureLimiter {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly limit = SIGN_IN_FAILURE_LIMIT,
    private readonly windowMs = SIGN_IN_WINDOW_MS,
  ) {}

  /** Seconds until any of the keys may try again; null when none is blocked. */
  retryAfterSeconds(keys: readonly string[], now: number): number | null {
    let waitMs = 0;
    for (const key of keys) {
      const recent = this.#recent(key, now);
      if (recent.length >= this.limit) {
        const oldest = recent[recent.length - this.limit] ?? now;
        waitMs = Math.max(waitMs, oldest + this.windowMs - now);
      }
    }
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : null;
  }

  fail(keys: readonly string[], now: number): void {
    if (this.#failures.size > SWEEP_ABOVE) this.#sweep(now);
    for (const key of keys) this.#failures.set(key, [...this.#recent(key, now), now]);
  }

  /** A success forgets the login's failures (not the address's: one right password unlocks no one else). */
  forget(key: string): void {
    this.#failures.delete(key);
  }

  #recent(key: string, now: number): number[] {
    return (this.#failures.get(key) ?? []).filter((at) => now - at < this.windowMs);
  }

  #sweep(now: number): void {
    for (const key of [...this.#failures.keys()]) {
      if (this.#recent(key, now).length === 0) this.#failures.delete(key);
    }
  }
}
