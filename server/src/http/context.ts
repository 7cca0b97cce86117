// What every route module is given: the store and the server's in-memory parts, wired once in app.ts.
import type { SessionBook } from '../auth/sessions';
import type { FailureLimiter } from '../auth/rate-limit';
import type { Store } from '../store/store';
import type { TeamNotifier } from '../sync/team-notifier';

export interface ServerContext {
  readonly store: Store;
  readonly sessions: SessionBook;
  /** Failed sign-ins, per login and per address. */
  readonly signInFailures: FailureLimiter;
  /** Failed codes (setup, enrollment) per address. */
  readonly codeFailures: FailureLimiter;
  readonly notifier: TeamNotifier;
  /** The server's time in ms; tests move it. */
  readonly now: () => number;
  readonly minAppVersion?: string | undefined;
}

export const isoAt = (ms: number): string => new Date(ms).toISOString();
