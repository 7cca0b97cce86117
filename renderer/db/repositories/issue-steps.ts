// Steps of the rectification lifecycle on stored issues: the rules of shared/issues/lifecycle decide,
// and here the issue's change and its history entry — chained to the previous entry's hash — are
// written in one transaction, so neither is ever kept without the other.
import type { Issue, IssueEvent } from '../../../shared/domain/issue';
import { issueChain } from '../../../shared/history/chain';
import type { ChainVerdict } from '../../../shared/history/linked-chain';
import { planStep, type StepInput, type StepRefusal } from '../../../shared/issues/lifecycle';
import { uuidv7 } from '../../../shared/ids/uuidv7';
import { type DuchaDatabase, isLive, recordOfStored } from '../database';
import { writeRecords } from '../record-writer';

/** The step was refused by the lifecycle rules; nothing was written. */
export class IssueStepRefusedError extends Error {
  override name = 'IssueStepRefusedError';
  constructor(readonly refusal: StepRefusal) {
    super(`step refused: ${refusal}`);
  }
}

/** An issue's history in order. */
export async function historyOfIssue(db: DuchaDatabase, issueId: string): Promise<IssueEvent[]> {
  const rows = await db.issueEvents
    .where('[issueId+seq]')
    .between([issueId, -Infinity], [issueId, Infinity])
    .toArray();
  return rows.filter(isLive).map((row) => recordOfStored<IssueEvent>(row));
}

export async function verifyIssueHistory(db: DuchaDatabase, issueId: string): Promise<ChainVerdict> {
  return issueChain.verifyChain(await historyOfIssue(db, issueId));
}

export async function applyIssueStep(
  db: DuchaDatabase,
  issueId: string,
  input: StepInput,
  now: number = Date.now(),
): Promise<Issue> {
  return db.transaction('rw', [db.issues, db.issueEvents, db.outbox, db.meta], async () => {
    const stored = await db.issues.get(issueId);
    if (!stored || !isLive(stored)) throw new Error(`issue ${issueId} does not exist`);
    const issue = recordOfStored<Issue>(stored);
    const history = await historyOfIssue(db, issueId);
    const last = history.at(-1);
    const pending =
      issue.status === 'extensionRequested'
        ? (history.findLast((e) => e.kind === 'extensionRequested')?.newDeadline ?? null)
        : null;
    const at = new Date(now).toISOString();
    const plan = planStep(issue, input, at, pending);
    if (!plan.ok) throw new IssueStepRefusedError(plan.refusal);
    const entry: Omit<IssueEvent, 'hash'> = {
      id: uuidv7(now),
      createdAt: at,
      updatedAt: at,
      seq: last ? last.seq + 1 : 0,
      prevHash: last?.hash ?? null,
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
    return { ...issue, ...changes };
  });
}
