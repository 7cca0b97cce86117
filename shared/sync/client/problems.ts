// Everything that can stop a sync, as the Sync page names it to the person (each has words in both
// languages and says what to do). The server's refusal codes map onto these; so do transport failures.

export const SYNC_PROBLEMS = [
  /** No connection to the server (offline, wrong address, server down). Retried by itself. */
  'unreachable',
  /** The server did not answer in time. Retried by itself. */
  'timeout',
  /** The answer was not the protocol (a captive portal's page, a proxy, a wrong server). */
  'badReply',
  /** The server has revoked this laptop: an admin must enroll it again. */
  'deviceRevoked',
  /** The person signed in here has been disabled on the server. */
  'personDisabled',
  /** The laptop's enrollment or sign-in is no longer known to the server (sign in again). */
  'signInAgain',
  /** The enrollment code is wrong, used or expired. */
  'codeInvalid',
  /** Login or password wrong. */
  'badCredentials',
  /** Too many tries: wait. */
  'rateLimited',
  /** The role signed in may not do this (a leader pushing, say). */
  'forbidden',
  /** The server failed or is unavailable for now. Retried by itself. */
  'serverError',
  /** The server syncs only with a newer app: update it (everything keeps working offline). */
  'appTooOld',
  /** This laptop's date is far off (changes from others look more than a day ahead): set the date. */
  'clockWrong',
] as const;
export type SyncProblem = (typeof SYNC_PROBLEMS)[number];

/** Problems the engine retries on its own, with back-off; the others wait for the person. */
export const TRANSIENT_PROBLEMS: ReadonlySet<SyncProblem> = new Set([
  'unreachable',
  'timeout',
  'badReply',
  'rateLimited',
  'serverError',
]);

/** The problem a refusal of the server stands for. */
export function problemOfRefusal(status: number, code: string): SyncProblem {
  switch (code) {
    case 'deviceRevoked':
      return 'deviceRevoked';
    case 'personDisabled':
      return 'personDisabled';
    case 'codeInvalid':
      return 'codeInvalid';
    case 'badCredentials':
      return 'badCredentials';
    case 'rateLimited':
      return 'rateLimited';
    case 'forbidden':
    case 'otherTeam':
      return 'forbidden';
    case 'unauthenticated':
    case 'sessionExpired':
    case 'badSignature':
    case 'badChallenge':
      return 'signInAgain';
    default:
      return status >= 500 ? 'serverError' : 'badReply';
  }
}
