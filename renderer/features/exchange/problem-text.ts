// The one mapping from what went wrong in a hand-over to the person's words: host faults (a full
// stick, a pulled stick…), bundle problems (a bad signature, a changed file, a bundle made for another
// laptop…), lines of the operations file and a changed key. Each message says what happened and what
// to do, naming the file, field or line; the English detail the reader or the host gave goes apart,
// as details for support, never into the message. Every name from the bundle is shown escaped
// (shown-text.ts): it comes from a stick and must not be able to fake a message's layout.
import type { TFunction } from 'i18next';
import { OPERATIONS_PATH } from '../../../shared/bundle/manifest';
import type { OperationsProblem } from '../../../shared/bundle/operations-ndjson';
import type { BundleProblem } from '../../../shared/bundle/verify';
import type { ExchangeFailure } from '../../../shared/contract';
import { decodeHlc } from '../../../shared/sync/hlc';
import { formatBytes } from '../../ui/format-bytes';
import { formatInstant } from '../../ui/format-instant';
import type { UserError } from '../../ui/user-error';
import type { ReadProblem } from './import/read-bundle';
import { manifestSubject } from './manifest-field-text';
import { shownText } from './shown-text';

/** The reader's or the host's own English words, for support; longer ones are cut. */
const MAX_DETAIL = 300;
const supportDetail = (detail: string): string => shownText(detail.trim(), MAX_DETAIL);

/** A host fault as a clause ("导出失败：{{reason}}"), with the file system's words as details. */
export function faultMessage(failure: ExchangeFailure, t: TFunction): UserError {
  const message =
    failure.fault !== 'noSpace'
      ? t(`exchange.faults.${failure.fault}`)
      : failure.needBytes !== undefined && failure.freeBytes !== undefined
        ? t('exchange.faults.noSpace', {
            need: formatBytes(failure.needBytes),
            free: formatBytes(failure.freeBytes),
          })
        : t('exchange.faults.noSpaceUnknown');
  return { message, details: supportDetail(failure.detail) };
}

/** Names and values of the bundle, escaped and shortened before they reach a message. */
const shown = (value: unknown): string => shownText(typeof value === 'string' ? value : '');

export interface ProblemContext {
  /** The source laptop's name as its manifest gives it, when the manifest could be read at all. */
  readonly source?: string;
}

function incrementalGapMessage(
  problem: Extract<BundleProblem, { code: 'incrementalGap' }>,
  t: TFunction,
  context: ProblemContext,
): UserError {
  const sender = context.source
    ? t('exchange.problems.senderNamed', { name: shown(context.source) })
    : t('exchange.problems.senderUnknown');
  const message = problem.forThisLaptop
    ? t('exchange.problems.incrementalGapThis', { sender })
    : t('exchange.problems.incrementalGapOther', { recipient: shown(problem.recipient.name), sender });
  const details = `incrementalGap: for ${problem.recipient.node}; node ${problem.node} needs changes up to ${problem.needed}, this laptop holds ${problem.held ?? 'none'}`;
  return { message, details: supportDetail(details) };
}

/** The time an HLC stands for, on the team's clock; the clock itself when it is not one. */
function clockTime(clock: string): string {
  try {
    return formatInstant(new Date(decodeHlc(clock).wall).toISOString());
  } catch {
    return shown(clock);
  }
}

/** A problem the verifier found, in the person's words. */
export function bundleProblemMessage(
  problem: BundleProblem,
  t: TFunction,
  context: ProblemContext = {},
): UserError {
  const only = (message: string, details = ''): UserError => ({ message, details: supportDetail(details) });
  const p = (key: string, values: Record<string, unknown> = {}) => t(`exchange.problems.${key}`, values);
  switch (problem.code) {
    case 'tooLarge':
      return only(
        p(problem.what === 'manifest' ? 'tooLargeManifest' : 'tooLargeFiles', {
          actual: formatBytes(problem.actual),
          limit: formatBytes(problem.limit),
        }),
      );
    case 'notJson':
      return only(p('notJson'), problem.detail);
    case 'repeatedKey':
      return only(
        p('repeatedKey', {
          key: shown(problem.key),
          place: problem.field === '' ? p('placeTop') : p('placeNamed', { field: shown(problem.field) }),
        }),
      );
    case 'notABundle':
    case 'unsigned':
    case 'badSignature':
      return only(p(problem.code));
    case 'futureVersion':
      return only(p('futureVersion', { version: problem.version }));
    case 'malformedManifest':
      return only(
        t(`exchange.manifestRules.${problem.rule}`, { subject: manifestSubject(problem.field, t) }),
        problem.detail,
      );
    case 'unsafePath':
      return only(p('unsafePath', { path: shown(problem.path) }), problem.reason);
    case 'link':
      return only(p('link', { path: shown(problem.path), kind: t(`exchange.notAFile.${problem.kind}`) }));
    case 'missingFile':
    case 'hashMismatch':
    case 'duplicatePath':
      return only(p(problem.code, { path: shown(problem.path) }));
    case 'operationsMissing':
      // The path may be absent when the page, not the verifier, found the data file unlisted.
      return only(p('operationsMissing', { path: shown(problem.path || OPERATIONS_PATH) }));
    case 'sizeMismatch':
      return only(
        p('sizeMismatch', {
          path: shown(problem.path),
          expected: formatBytes(problem.expected),
          actual: formatBytes(problem.actual),
        }),
        `${String(problem.actual)} bytes, the manifest says ${String(problem.expected)}`,
      );
    case 'clockAhead':
      return only(
        p('clockAhead', {
          time: clockTime(problem.clock),
          hours: Math.max(1, Math.round(problem.aheadMs / 3_600_000)),
        }),
        `clock ${problem.clock}`,
      );
    case 'incrementalGap':
      return incrementalGapMessage(problem, t, context);
  }
}

/** A line of bundle/operations.ndjson the reader refused. */
export function operationsProblemMessage(
  problem: {
    readonly line: number;
    readonly problem: OperationsProblem;
    readonly detail: string;
    readonly table?: string;
    readonly field?: string;
    /** repeatedKey: the key named twice, when the reader names it. */
    readonly key?: string;
  },
  t: TFunction,
): UserError {
  const unnamed = problem.problem === 'repeatedKey' && problem.key === undefined;
  return {
    message: t(`exchange.operationsProblems.${unnamed ? 'repeatedKeyUnnamed' : problem.problem}`, {
      key: shown(problem.key),
      file: OPERATIONS_PATH,
      line: problem.line,
      table: shown(problem.table),
      field: shown(problem.field),
    }),
    details: supportDetail(`line ${String(problem.line)}: ${problem.detail}`),
  };
}

/** Whatever stopped a bundle from being read, in the person's words. */
export function readProblemMessage(
  problem: ReadProblem,
  t: TFunction,
  context: ProblemContext = {},
): UserError {
  switch (problem.kind) {
    case 'bundle':
      return bundleProblemMessage(problem.problem, t, { source: problem.source, ...context });
    case 'host':
      return faultMessage(problem.failure, t);
    case 'keyChanged':
      return { message: t('exchange.import.keyChanged', { device: shown(problem.device) }), details: '' };
    case 'operations':
      return operationsProblemMessage(problem, t);
  }
}
