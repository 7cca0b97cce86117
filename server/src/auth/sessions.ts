// Session tokens: 15 minutes, kept in memory by their hash. A restarted server forgets them, and the
// laptop simply signs a new challenge with its binding to get another, so nothing is lost.
import { newSecret, secretHash } from './secrets';

export const SESSION_MS = 15 * 60 * 1000;
/** An expired session is still recognised this long, so its holder hears "expired", not "unknown". */
const REMEMBER_EXPIRED_MS = 60 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 1000;

export interface Session {
  readonly deviceId: string;
  readonly personId: string;
  /** The binding the session was opened with: signing out ends it, and every session made from it. */
  readonly bindingHash: string;
  readonly expiresAt: number;
}

export type SessionLookup =
  | { readonly kind: 'live'; readonly session: Session }
  | { readonly kind: 'expired' }
  | { readonly kind: 'unknown' };

export class SessionBook {
  readonly #sessions = new Map<string, Session>();
  #lastSweep = 0;

  constructor(private readonly now: () => number) {}

  issue(grant: Omit<Session, 'expiresAt'>): { token: string; expiresAt: number } {
    const now = this.now();
    this.#sweep(now);
    const token = newSecret();
    const expiresAt = now + SESSION_MS;
    this.#sessions.set(secretHash(token), { ...grant, expiresAt });
    return { token, expiresAt };
  }

  find(token: string): SessionLookup {
    const session = this.#sessions.get(secretHash(token));
    if (!session) return { kind: 'unknown' };
    if (this.now() >= session.expiresAt) return { kind: 'expired' };
    return { kind: 'live', session };
  }

  /** Ends every session opened with this binding (sign-out). */
  endBinding(bindingHash: string): void {
    for (const [key, session] of this.#sessions) {
      if (session.bindingHash === bindingHash) this.#sessions.delete(key);
    }
  }

  get size(): number {
    return this.#sessions.size;
  }

  #sweep(now: number): void {
    if (now - this.#lastSweep < SWEEP_EVERY_MS) return;
    this.#lastSweep = now;
    for (const [key, session] of this.#sessions) {
      if (now - session.expiresAt > REMEMBER_EXPIRED_MS) this.#sessions.delete(key);
    }
  }
}
