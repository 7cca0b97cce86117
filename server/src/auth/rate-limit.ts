// Events counted per key in a sliding window, in memory: once `limit` fall within the window the key
// is refused until the oldest leaves it. A restart forgets the counts, which costs an attacker a restart.
//
// Sign-in failures, per login and per IP address: after 5 within 15 minutes. Against password
// guessing, a scrypt hash per attempt does the rest. Challenges, per device (auth-routes.ts).
export const SIGN_IN_FAILURE_LIMIT = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Above this many keys, keys whose events have all left the window are dropped. */
const SWEEP_ABOVE = 10_000;

export class WindowLimiter {
  readonly #events = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds until any of the keys may go on; null when none is blocked. */
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

  count(keys: readonly string[], now: number): void {
    if (this.#events.size > SWEEP_ABOVE) this.#sweep(now);
    for (const key of keys) this.#events.set(key, [...this.#recent(key, now), now]);
  }

  /** A right password forgets its login's failures (not the address's: it unlocks no one else). */
  forget(key: string): void {
    this.#events.delete(key);
  }

  #recent(key: string, now: number): number[] {
    return (this.#events.get(key) ?? []).filter((at) => now - at < this.windowMs);
  }

  #sweep(now: number): void {
    for (const key of [...this.#events.keys()]) {
      if (this.#recent(key, now).length === 0) this.#events.delete(key);
    }
  }
}

/** Failed sign-ins (and codes). */
export class FailureLimiter extends WindowLimiter {
  constructor(limit = SIGN_IN_FAILURE_LIMIT, windowMs = SIGN_IN_WINDOW_MS) {
    super(limit, windowMs);
  }

  fail(keys: readonly string[], now: number): void {
    this.count(keys, now);
  }
}
