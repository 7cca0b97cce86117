// A history as the page shows it: the entries in clock order, the verdict of their hashes, which were
// taken apart on another laptop and which joined branches, and on which laptop each was written.
// For the issue's history, also the steps taken apart that contradict each other.
import type { IssueEvent } from '../../../shared/domain/issue';
import type { VisitAmendment } from '../../../shared/domain/visit-amendment';
import { amendmentChain } from '../../../shared/history/amendment-chain';
import { type BranchMark, branchMarks } from '../../../shared/history/branches';
import { issueChain } from '../../../shared/history/chain';
import { inClockOrder } from '../../../shared/history/history-graph';
import type { Chain, ChainVerdict, Linked } from '../../../shared/history/linked-chain';
import { type ContradictingSteps, contradictingSteps } from '../../../shared/issues/contradicting-steps';
import { type DuchaDatabase, isLive, recordOfStored, type Stored } from '../database';
import { historyPlaces } from './history-places';

export interface HistoryView<E> {
  readonly entries: E[];
  readonly verdict: ChainVerdict;
  readonly marks: Map<string, BranchMark>;
  /** Entry id → the name of the laptop it was written on (absent when that laptop is unknown here). */
  readonly places: Map<string, string>;
}

async function viewOf<E extends Linked>(
  db: DuchaDatabase,
  chain: Chain<E>,
  rows: Stored<E>[],
): Promise<HistoryView<E>> {
  const live = rows.filter(isLive);
  const entries = inClockOrder(live.map((row) => recordOfStored<E>(row)));
  const [verdict, places] = await Promise.all([
    chain.verifyChain(entries),
    historyPlaces(db, live as unknown as { id: string; _clocks: Record<string, string> }[]),
  ]);
  return { entries, verdict, marks: branchMarks(entries), places };
}

export async function issueHistoryView(
  db: DuchaDatabase,
  issueId: string,
): Promise<HistoryView<IssueEvent> & { contradictions: ContradictingSteps[] }> {
  const rows = await db.issueEvents
    .where('[issueId+seq]')
    .between([issueId, -Infinity], [issueId, Infinity])
    .toArray();
  const view = await viewOf(db, issueChain, rows);
  return { ...view, contradictions: contradictingSteps(view.entries) };
}

export async function amendmentHistoryView(
  db: DuchaDatabase,
  visitId: string,
): Promise<HistoryView<VisitAmendment>> {
  const rows = await db.visitAmendments
    .where('[visitId+seq]')
    .between([visitId, -Infinity], [visitId, Infinity])
    .toArray();
  return viewOf(db, amendmentChain, rows);
}
