// What went wrong, in the user's language: a clause for each failure Ducha knows (a full disk, a
// finalized visit, a refused step, the host out of reach…) and a plain "something unexpected" for the
// rest, with the error's own technical words kept apart as details for support. This is the one place
// that reads an error's message for the screen (test/unit/user-error-guard.test.ts holds to that).
//
// Errors are recognised by name rather than by class: the page's layers below (renderer/db, the host
// client) are not imported here, and Dexie hands over the browser's errors wrapped, by name, in `inner`.
import type { TFunction } from 'i18next';
import { EXCHANGE_FAULTS, type ExchangeFailure } from '../../shared/contract';

export interface UserError {
  /** The user's words; for a known failure a clause to fill a sentence's {{reason}}. */
  readonly message: string;
  /** The error's own words, outermost first ("AbortError: … ← QuotaExceededError: …"); '' if none. */
  readonly details: string;
}

interface ErrorLike {
  readonly [key: string]: unknown;
}

const MAX_DEPTH = 8;

/** The error and what it wraps: Dexie's `inner`, the standard `cause`, a Dexie BulkError's failures. */
function chainOf(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  const visit = (e: unknown, depth: number) => {
    if (depth > MAX_DEPTH || typeof e !== 'object' || e === null || chain.includes(e as ErrorLike)) return;
    const like = e as ErrorLike;
    chain.push(like);
    const failures = like.failures;
    const wrapped: unknown[] = Array.isArray(failures)
      ? (failures as unknown[])
      : typeof failures === 'object' && failures !== null
        ? Object.values(failures)
        : [];
    for (const inner of [like.inner, like.cause, ...wrapped]) visit(inner, depth + 1);
  };
  visit(error, 0);
  return chain;
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A host fault answer (exchange-channels.ts), given as it is or carried by an error as `failure`. */
function exchangeFailureOf(error: unknown): ExchangeFailure | null {
  const isFailure = (value: unknown): value is ExchangeFailure => {
    const v = value as ErrorLike | null;
    return (
      typeof v === 'object' &&
      v !== null &&
      v.status === 'failed' &&
      (EXCHANGE_FAULTS as readonly unknown[]).includes(v.fault)
    );
  };
  if (isFailure(error)) return error;
  const carried = typeof error === 'object' && error !== null ? (error as ErrorLike).failure : undefined;
  return isFailure(carried) ? carried : null;
}

function lineOf(e: ErrorLike): string {
  const name = textOf(e.name);
  // Dexie repeats the inner error on a second line of its own message; one line reads better.
  const message = textOf(e.message)
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  if (name && message) return `${name}: ${message}`;
  if (name || message) return name || message;
  try {
    return JSON.stringify(e);
  } catch {
    return Object.prototype.toString.call(e);
  }
}

/** A thrown string, number or the like, which says itself. */
const primitiveText = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' ||
        typeof value === 'boolean' ||
        typeof value === 'bigint' ||
        typeof value === 'symbol'
      ? value.toString()
      : '';

/** The error's own words, for the details line or a log; not for the message. */
export function technicalDetail(error: unknown): string {
  const failure = exchangeFailureOf(error);
  if (failure && failure === error) return `${failure.fault}: ${failure.detail}`;
  const chain = chainOf(error);
  if (chain.length === 0) return primitiveText(error);
  const lines = chain.map(lineOf);
  return lines.filter((line, i) => line !== '' && line !== lines[i - 1]).join(' ← ');
}

type Describe = (e: ErrorLike, t: TFunction) => string;

/** A clause from a translation that may be a sentence of its own: no final full stop. */
const clause = (text: string): string => text.trim().replace(/[。.]+$/u, '');

/** A key picked by a kind the error carries; an unknown kind reads as unexpected, not as a key. */
const kindText = (t: TFunction, key: string, values: Record<string, unknown> = {}): string =>
  t(key, { ...values, defaultValue: t('errors.unexpected') });

const HOST_CODES: Readonly<Record<string, string>> = {
  failed: 'errors.kinds.hostFailed',
  forbidden: 'errors.kinds.hostRefused',
  badRequest: 'errors.kinds.hostMismatch',
  unknownChannel: 'errors.kinds.hostMismatch',
};

/**
 * Known failures by the error's name, in order of precedence: the first name found anywhere in the
 * chain wins, so a full disk is said even when Dexie reports it as an aborted transaction.
 */
const BY_NAME: Readonly<Record<string, Describe>> = {
  QuotaExceededError: (_, t) => t('errors.kinds.diskFull'),
  PhotoIntakeError: (e, t) => kindText(t, `photos.errors.${textOf(e.kind)}`, { file: textOf(e.fileName) }),
  InvalidRecordError: (_, t) => t('errors.kinds.invalidRecord'),
  InvalidDraftError: (_, t) => t('errors.kinds.invalidRecord'),
  VisitLockedError: (_, t) => t('errors.kinds.visitLocked'),
  NothingToAmendError: (_, t) => t('amend.nothing'),
  NotFinalizedError: (_, t) => t('errors.kinds.notFinalized'),
  SignatureMissingError: (_, t) => t('signOff.needInspector'),
  TemplateVersionConflictError: (e, t) =>
    t('errors.kinds.templateConflict', {
      version: typeof e.latestVersion === 'number' ? e.latestVersion : '',
    }),
  IssueStepRefusedError: (e, t) =>
    kindText(t, `issue.refusal.${textOf(e.refusal)}`, { date: textOf(e.visitDate) }),
  NoticeRefusedError: (e, t) => {
    const refusals = e.refusals instanceof Map ? [...new Set(e.refusals.values())] : [];
    return refusals.length === 0
      ? t('errors.unexpected')
      : refusals
          .map((r) => clause(kindText(t, `issue.refusal.${textOf(r)}`)))
          .join(t('errors.listSeparator'));
  },
  NoticeDeadlineError: (e, t) =>
    kindText(t, `issuing.errors.${textOf(e.refusal)}`, {
      deadline: textOf(e.deadline),
      titles: Array.isArray(e.titles) ? e.titles.map(textOf).join(t('errors.listSeparator')) : '',
    }),
  RecordGoneError: (_, t) => t('issuing.errors.recordGone'),
  ImportConflictError: (_, t) => t('errors.kinds.importConflict'),
  ClockError: (_, t) => t('errors.kinds.clock'),
  // A leader signed in on this laptop (renderer/db/repositories/sync/read-only.ts).
  ReadOnlyPersonError: (e, t) => t('errors.kinds.readOnly', { name: textOf(e.personName) }),
  HostError: (e, t) => t(HOST_CODES[textOf(e.code)] ?? 'errors.kinds.hostFailed'),
  DatabaseClosedError: (_, t) => t('errors.kinds.databaseClosed'),
  ConstraintError: (_, t) => t('errors.kinds.duplicate'),
  NotAllowedError: (_, t) => t('errors.kinds.notAllowed'),
  NotFoundError: (_, t) => t('errors.kinds.notFound'),
  NotReadableError: (_, t) => t('errors.kinds.notReadable'),
  AbortError: (_, t) => t('errors.kinds.aborted'),
};

// A lazily loaded part of the page that did not arrive (Chromium, Firefox, Safari wordings); checked
// before NETWORK, whose "Failed to fetch" Chromium also uses for it.
const MODULE_LOAD = /dynamically imported module|importing a module script failed|ChunkLoadError/i;
// fetch() that never reached the browser host's loopback server.
const NETWORK = /failed to fetch|networkerror when attempting to fetch|load failed|network request failed/i;

function messageOf(error: unknown, t: TFunction): string {
  const failure = exchangeFailureOf(error);
  // The exchange's own strings; for noSpace without its figures, which the host's detail carries.
  if (failure) return t(`exchange.faults.${failure.fault === 'noSpace' ? 'noSpaceUnknown' : failure.fault}`);
  const chain = chainOf(error);
  for (const [name, describe] of Object.entries(BY_NAME)) {
    const found = chain.find((e) => e.name === name);
    if (found) return describe(found, t);
  }
  const words = chain.map(lineOf).join('\n');
  if (MODULE_LOAD.test(words)) return t('errors.kinds.moduleLoad');
  if (chain.some((e) => e.name === 'TypeError') && NETWORK.test(words)) return t('errors.kinds.network');
  return t('errors.unexpected');
}

/** What went wrong, for the user, with the technical words apart. */
export function describeError(error: unknown, t: TFunction): UserError {
  return { message: clause(messageOf(error, t)), details: technicalDetail(error) };
}

/**
 * The sentence of the place it happened, its {{reason}} filled by describeError:
 * describeFailure(error, t, 'visits.saveFailed') → "Not saved: the disk is full; …".
 */
export function describeFailure(
  error: unknown,
  t: TFunction,
  key: string,
  values: Record<string, unknown> = {},
): UserError {
  const cause = describeError(error, t);
  return { message: t(key, { ...values, reason: cause.message }), details: cause.details };
}
