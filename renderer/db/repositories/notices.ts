// Rectification notices (整改通知书): a notice is the set of issues carrying its document number, so
// giving one out is a lifecycle step ('issued') on each of its draft issues, with the next number of
// the team's prefix and the year — all in one transaction, so two notices made on this laptop can
// never share a number, and an issue is never numbered without its history entry.
import type { Issue } from '../../../shared/domain/issue';
import type { StepRefusal } from '../../../shared/issues/lifecycle';
import { checkNoticeDeadline, type NoticeDeadlineRefusal } from '../../../shared/issues/notice-deadline';
import {
  formatNoticeNumber,
  nextNoticeNumber,
  noticeNumberStem,
  type SequenceStart,
} from '../../../shared/reports/notice-number';
import { type DuchaDatabase, isLive, recordOfStored, type Stored } from '../database';
import { stepTables, stepWithin } from './issue-steps';
import { noteProvisionalNotice, peekNoticeNumber, takeNoticeNumber } from './sync/notice-pool';

/** The issues a notice hands over, in the order they were found. */
export async function issuesOfNotice(db: DuchaDatabase, number: string): Promise<Issue[]> {
  const rows = await db.issues.where('noticeNumber').equals(number).toArray();
  return rows
    .filter(isLive)
    .map((row) => recordOfStored<Issue>(row))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

type IssueRow = Stored<Issue>;

const rowsOfUnit = (db: DuchaDatabase, unitId: string): Promise<IssueRow[]> =>
  db.issues.where('responsibleUnitIds').equals(unitId).toArray();

/** The notice numbers among a unit's issue rows, latest first. */
function numbersIn(rows: readonly IssueRow[]): string[] {
  const numbers = new Map<string, string>();
  for (const row of rows) {
    if (!isLive(row) || row.noticeNumber === null) continue;
    const seen = numbers.get(row.noticeNumber);
    if (seen === undefined || row.updatedAt > seen) numbers.set(row.noticeNumber, row.updatedAt);
  }
  return [...numbers].sort((a, b) => b[1].localeCompare(a[1]) || b[0].localeCompare(a[0])).map(([n]) => n);
}

/** The draft issues (待下发) among a unit's issue rows, in the order they were found. */
function draftsIn(rows: readonly IssueRow[]): Issue[] {
  return rows
    .filter((row) => isLive(row) && row.status === 'draft')
    .map((row) => recordOfStored<Issue>(row))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The numbers of the notices that went to a unit (its issues' numbers), latest first. */
export async function noticeNumbersOfUnit(db: DuchaDatabase, unitId: string): Promise<string[]> {
  return numbersIn(await rowsOfUnit(db, unitId));
}

/** The draft issues (待下发) of a unit: what a new notice to it would hand over. */
export async function draftIssuesOfUnit(db: DuchaDatabase, unitId: string): Promise<Issue[]> {
  return draftsIn(await rowsOfUnit(db, unitId));
}

/** Both of the above from one read of the unit's issues. */
export async function noticesOfUnit(
  db: DuchaDatabase,
  unitId: string,
): Promise<{ numbers: string[]; drafts: Issue[] }> {
  const rows = await rowsOfUnit(db, unitId);
  return { numbers: numbersIn(rows), drafts: draftsIn(rows) };
}

/** The number the next notice of a prefix and year would get, were it given now. */
export async function nextNoticeNumberOf(
  db: DuchaDatabase,
  prefix: string,
  year: number,
  start: SequenceStart | null = null,
): Promise<string> {
  const stem = noticeNumberStem(prefix, year);
  const given = await db.issues.where('noticeNumber').startsWith(stem).uniqueKeys();
  return formatNoticeNumber(nextNoticeNumber(given as string[], prefix, year, start));
}

/**
 * The number the next notice would get on this laptop, as issueNotice would give it: on a laptop
 * enrolled for sync the next reserved number (or a provisional 临 one), elsewhere the next of the sequence.
 */
export async function previewNoticeNumber(
  db: DuchaDatabase,
  prefix: string,
  year: number,
  start: SequenceStart | null = null,
): Promise<string> {
  return (await peekNoticeNumber(db, prefix, year))?.number ?? nextNoticeNumberOf(db, prefix, year, start);
}

export interface NoticeInput {
  issueIds: readonly string[];
  prefix: string;
  year: number;
  actorName: string;
  note: string;
  /** Today in the team's time zone: no issue is given out with a deadline before it. */
  today: string;
  /** Team.noticeSequenceStart: where this year's numbers start for a team that gave some out on paper. */
  sequenceStart?: SequenceStart | null;
  /** Team.minimumDeadlineDays: a sooner deadline needs `shortDeadlineReason`, kept in the step's note. */
  minimumDeadlineDays?: number | null;
  shortDeadlineReason?: string;
}

/** An issue's deadline is one the notice may not order (past, or short with no reason); nothing was written. */
export class NoticeDeadlineError extends Error {
  override name = 'NoticeDeadlineError';
  constructor(
    readonly refusal: NoticeDeadlineRefusal,
    /** The issues refused, by title, for the message. */
    readonly titles: readonly string[],
    readonly deadline: string,
  ) {
    super(`notice deadline refused (${refusal}): ${deadline}`);
  }
}

/** No issue of the notice could be issued; nothing was written. */
export class NoticeRefusedError extends Error {
  override name = 'NoticeRefusedError';
  constructor(readonly refusals: ReadonlyMap<string, StepRefusal | 'missing'>) {
    super(`no issue could be issued: ${[...refusals.values()].join(', ')}`);
  }
}

/**
 * Gives out a notice: the next number, and the 'issued' step with it on each issue. Issues the rules
 * refuse (no longer drafts) are left out; if every one is refused, nothing is written.
 */
export async function issueNotice(
  db: DuchaDatabase,
  input: NoticeInput,
  now: number = Date.now(),
): Promise<{ number: string; issued: Issue[] }> {
  return db.transaction('rw', stepTables(db), async () => {
    const short = await checkDeadlines(db, input);
    // A laptop enrolled for sync takes a number its team's server reserved for it (or a provisional one);
    // any other numbers from what it holds, as before.
    const reserved = await takeNoticeNumber(db, input.prefix, input.year);
    const number =
      reserved?.number ??
      (await nextNoticeNumberOf(db, input.prefix, input.year, input.sequenceStart ?? null));
    const issued: Issue[] = [];
    const refusals = new Map<string, StepRefusal | 'missing'>();
    const reason = input.shortDeadlineReason?.trim() ?? '';
    for (const id of input.issueIds) {
      // The reason for a short deadline is recorded in the step's note of each issue it concerns.
      const note = short.has(id)
        ? [input.note.trim(), reason].filter((s) => s !== '').join('\n')
        : input.note;
      const result = await stepWithin(
        db,
        id,
        { kind: 'issued', actorName: input.actorName, note, noticeNumber: number },
        now,
      );
      if (result.ok) issued.push(result.issue);
      else refusals.set(id, result.refusal);
    }
    if (issued.length === 0) throw new NoticeRefusedError(refusals);
    if (reserved?.provisional) {
      await noteProvisionalNotice(db, { number, year: input.year, issueIds: issued.map((i) => i.id) });
    }
    return { number, issued };
  });
}

/**
 * The deadline rule over every issue of the notice, before anything is written: the first refusal
 * refuses the whole notice (a notice orders one set of deadlines). Returns the issues whose deadline
 * is short (with its reason given).
 */
async function checkDeadlines(db: DuchaDatabase, input: NoticeInput): Promise<Set<string>> {
  const short = new Set<string>();
  const refused = new Map<NoticeDeadlineRefusal, Issue[]>();
  for (const id of input.issueIds) {
    const row = await db.issues.get(id);
    if (!row || !isLive(row) || row.status !== 'draft') continue;
    const verdict = checkNoticeDeadline({
      deadline: row.deadline,
      today: input.today,
      minimumDays: input.minimumDeadlineDays,
      shortReason: input.shortDeadlineReason,
    });
    if (verdict.ok) {
      if (verdict.short) short.add(id);
    } else
      refused.set(verdict.refusal, [...(refused.get(verdict.refusal) ?? []), recordOfStored<Issue>(row)]);
  }
  // A past deadline is said first: no reason can make it right.
  for (const refusal of ['deadlinePast', 'shortDeadlineReasonRequired'] as const) {
    const issues = refused.get(refusal);
    if (issues?.[0]) {
      throw new NoticeDeadlineError(
        refusal,
        issues.map((i) => i.title),
        issues[0].deadline,
      );
    }
  }
  return short;
}

export interface NoticesByUnitOutcome {
  /** The notices given out, one per responsible unit, in the order of their numbers. */
  notices: { number: string; unitId: string; issued: number }[];
  /** Issues left as they were, by reason: no longer drafts, gone, or a deadline the rule refuses. */
  refused: Partial<Record<StepRefusal | 'missing' | NoticeDeadlineRefusal, number>>;
}

/**
 * The list's bulk "Issue notices": the ticked draft issues grouped by their (first) responsible unit,
 * each group given out as one notice under the next number of the sequence — the same action as
 * the Reports page's, one unit at a time. An issue whose deadline the rule refuses (past, or short
 * with no reason given) is left a draft and counted.
 */
export async function issueNoticesByUnit(
  db: DuchaDatabase,
  input: NoticeInput,
  onProgress: (done: number) => void = () => {},
  now: number = Date.now(),
): Promise<NoticesByUnitOutcome> {
  const outcome: NoticesByUnitOutcome = { notices: [], refused: {} };
  const refuse = (reason: keyof NoticesByUnitOutcome['refused']) =>
    (outcome.refused[reason] = (outcome.refused[reason] ?? 0) + 1);
  const groups = new Map<string, string[]>();
  for (const id of input.issueIds) {
    const row = await db.issues.get(id);
    if (!row || !isLive(row)) refuse('missing');
    else if (row.status !== 'draft') refuse('notAllowed');
    else {
      const verdict = checkNoticeDeadline({
        deadline: row.deadline,
        today: input.today,
        minimumDays: input.minimumDeadlineDays,
        shortReason: input.shortDeadlineReason,
      });
      const unitId = row.responsibleUnitIds[0] ?? '';
      if (!verdict.ok) refuse(verdict.refusal);
      else groups.set(unitId, [...(groups.get(unitId) ?? []), id]);
    }
  }
  let done = input.issueIds.length - [...groups.values()].reduce((n, ids) => n + ids.length, 0);
  for (const [unitId, issueIds] of groups) {
    const made = await issueNotice(db, { ...input, issueIds }, now);
    outcome.notices.push({ number: made.number, unitId, issued: made.issued.length });
    done += issueIds.length;
    onProgress(done);
  }
  return outcome;
}
