// Steps of the rectification lifecycle on stored issues: the rules of shared/issues/lifecycle decide,
// and here the issue's change and its history entry — chained to the previous entry's hash — are
// written in one transaction, so neither is ever kept without the other.
import type { Issue, IssueEvent } from '../../../shared/domain/issue';
import { issueChain } from '../../../shared/history/chain';
import type { ChainVerdict } from '../../../shared/history/linked-chain';
import { inClockOrder } from '../../../shared/history/history-graph';
import { planStep, type StepInput, type StepRefusal } from '../../../shared/issues/lifecycle';
import { uuidv7 } from '../../../shared/ids/uuidv7';
import { localDate } from '../../../shared/domain/dates';
import { checkCloseOut } from '../../../shared/issues/close-out';
import { type DuchaDatabase, isLive, recordOfStored, type Stored } from '../database';
import { writeRecords } from '../record-writer';
import { visitsOfProject } from './visits';

/** The step was refused by the lifecycle rules; nothing was written. */
export class IssueStepRefusedError extends Error {
  override name = 'IssueStepRefusedError';
  /** The visit a close-out refusal is about (YYYY-MM-DD), for the message: "… of 2026-12-07 …". */
  constructor(
    readonly refusal: StepRefusal,
    readonly visitDate: string | null = null,
  ) {
    super(`step refused: ${refusal}${visitDate ? ` (re-inspection of ${visitDate})` : ''}`);
  }
}

/**
 * An issue's history in clock order, each step after the steps it follows (steps taken apart on two
 * laptops interleave by their clocks).
 */
export async function historyOfIssue(db: DuchaDatabase, issueId: string): Promise<IssueEvent[]> {
  return (await historiesOfIssues(db, [issueId])).get(issueId) ?? [];
}

/**
 * The histories of many issues in one read (a sync page or an import touches thousands): by issue id,
 * each in clock order; an issue without steps is absent.
 */
export async function historiesOfIssues(
  db: DuchaDatabase,
  issueIds: readonly string[],
): Promise<Map<string, IssueEvent[]>> {
  if (issueIds.length === 0) return new Map();
  return historiesOfRows(await db.issueEvents.where('issueId').anyOf(issueIds).toArray());
}

/** Stored history rows grouped by issue, each history in clock order; deleted rows left out. */
function historiesOfRows(rows: readonly Stored<IssueEvent>[]): Map<string, IssueEvent[]> {
  const byIssue = new Map<string, IssueEvent[]>();
  for (const row of rows) {
    if (!isLive(row)) continue;
    const event = recordOfStored<IssueEvent>(row);
    const list = byIssue.get(event.issueId);
    if (list) list.push(event);
    else byIssue.set(event.issueId, [event]);
  }
  for (const [id, events] of byIssue) byIssue.set(id, inClockOrder(events));
  return byIssue;
}

/** Issues per read of allHistories: a few MB of history rows at a time. */
const HISTORIES_PER_READ = 2000;

/**
 * Every stored history, handed to `visit` a slice of issues at a time (each history whole in one
 * slice), read by ranges of the history's issue index — one request a slice, where picking thousands
 * of issues out of the index costs a request per row. Slices are cut at the stored issues' ids, and
 * the first and last reach to either end, so a history whose issue is not (yet) stored is read too.
 * (A callback, not an async generator: Dexie's transactions do not follow a generator's awaits.)
 */
export async function forEachHistories(
  db: DuchaDatabase,
  visit: (histories: Map<string, IssueEvent[]>) => void,
  perRead: number = HISTORIES_PER_READ,
): Promise<void> {
  const issueIds = await db.issues.toCollection().primaryKeys();
  const bounds: string[] = [];
  for (let i = perRead; i < issueIds.length; i += perRead) bounds.push(issueIds[i] as string);
  for (let i = 0; i <= bounds.length; i += 1) {
    const low = bounds[i - 1];
    const high = bounds[i];
    const index = db.issueEvents.where('issueId');
    const slice =
      low === undefined
        ? high === undefined
          ? db.issueEvents.toCollection()
          : index.below(high)
        : high === undefined
          ? index.aboveOrEqual(low)
          : index.between(low, high, true, false);
    visit(historiesOfRows(await slice.toArray()));
  }
}

export async function verifyIssueHistory(db: DuchaDatabase, issueId: string): Promise<ChainVerdict> {
  return issueChain.verifyChain(await historyOfIssue(db, issueId));
}

/**
 * One step on one issue, inside the caller's transaction over issues, issueEvents, outbox and meta:
 * the rules decide, and a refusal is returned (nothing written) rather than thrown, so a bulk action
 * can go on with the other issues without aborting the transaction.
 */
export async function stepWithin(
  db: DuchaDatabase,
  issueId: string,
  input: StepInput,
  now: number,
): Promise<
  { ok: true; issue: Issue } | { ok: false; refusal: StepRefusal | 'missing'; visitDate?: string | null }
> {
  const stored = await db.issues.get(issueId);
  if (!stored || !isLive(stored)) return { ok: false, refusal: 'missing' };
  const issue = recordOfStored<Issue>(stored);
  const history = await historyOfIssue(db, issueId);
  const pending =
    issue.status === 'extensionRequested'
      ? (history.findLast((e) => e.kind === 'extensionRequested')?.newDeadline ?? null)
      : null;
  const at = new Date(now).toISOString();
  const plan = planStep(issue, input, at, pending);
  if (!plan.ok) return plan;
  if (input.kind === 'closed') {
    // Refused here, in the data layer, whatever screen asked: see shared/issues/close-out.ts.
    // Re-inspections from before the last "Re-inspect" step ended in a send-back: they do not count.
    const asked = history.findLast((e) => e.kind === 'reinspectionRequested');
    const since = asked ? localDate(Date.parse(asked.at)) : null;
    const check = checkCloseOut(issueId, await visitsOfProject(db, issue.projectId), since);
    if (!check.ok) return check;
  }
  const entry: Omit<IssueEvent, 'hash'> = {
    id: uuidv7(now),
    createdAt: at,
    updatedAt: at,
    // After every head: a step taken once two laptops' steps have met joins their branches.
    ...issueChain.nextPosition(history),
    ...plan.entry,
  };
  // Synchronously: awaiting WebCrypto inside an IndexedDB transaction would let it commit early.
  const event: IssueEvent = { ...entry, hash: issueChain.hashEntrySync(entry.prevHash, entry) };
  const changes = { ...plan.changes, updatedAt: at };
  await writeRecords(
    db,
    [
      { table: 'issues', id: issueId, fields: changes },
      { table: 'issueEvents', id: event.id, fields: event },
    ],
    now,
  );
  return { ok: true, issue: { ...issue, ...changes } };
}

/** The tables a step touches; visits are read for the close-out rule. */
export const stepTables = (db: DuchaDatabase) => [db.issues, db.issueEvents, db.visits, db.outbox, db.meta];

export async function applyIssueStep(
  db: DuchaDatabase,
  issueId: string,
  input: StepInput,
  now: number = Date.now(),
): Promise<Issue> {
  return db.transaction('rw', stepTables(db), async () => {
    const result = await stepWithin(db, issueId, input, now);
    if (result.ok) return result.issue;
    if (result.refusal === 'missing') throw new Error(`issue ${issueId} does not exist`);
    throw new IssueStepRefusedError(result.refusal, result.visitDate ?? null);
  });
}

export interface BulkStepOutcome {
  applied: number;
  /** Issues the rules refused, by reason (an issue already closed, a deadline unchanged…). */
  refused: Partial<Record<StepRefusal | 'missing', number>>;
}

export interface BulkOptions {
  /** Called after each chunk with the number of issues handled so far. */
  onProgress?: (done: number) => void;
  now?: number;
  chunkSize?: number;
}

/** Issues per transaction: large enough to be quick, small enough that progress moves and the UI breathes. */
const BULK_CHUNK = 200;

/**
 * The same step on many issues (a bulk action of the list): each issue gets its own history entry;
 * issues the rules refuse are counted and skipped. Written in chunks, each one transaction, with
 * progress after each; a chunk is whole or not at all.
 */
export async function applyBulkStep(
  db: DuchaDatabase,
  issueIds: readonly string[],
  input: StepInput,
  { onProgress = () => {}, now = Date.now(), chunkSize = BULK_CHUNK }: BulkOptions = {},
): Promise<BulkStepOutcome> {
  const outcome: BulkStepOutcome = { applied: 0, refused: {} };
  for (let start = 0; start < issueIds.length; start += chunkSize) {
    const chunk = issueIds.slice(start, start + chunkSize);
    const results = await db.transaction('rw', stepTables(db), async () => {
      const done = [];
      for (const id of chunk) done.push(await stepWithin(db, id, input, now));
      return done;
    });
    for (const result of results) {
      if (result.ok) outcome.applied += 1;
      else outcome.refused[result.refusal] = (outcome.refused[result.refusal] ?? 0) + 1;
    }
    onProgress(Math.min(issueIds.length, start + chunk.length));
  }
  return outcome;
}
