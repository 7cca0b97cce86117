// Issues whose steps taken apart contradict each other (shared/issues/contradicting-steps), kept
// findable for the office. Only a bundle (later, sync) can bring another laptop's steps, so the import
// notes the issues it touched whose histories now hold such a pair; the list is this laptop's, in its
// local meta, never synced. Each listed issue is checked again when read: a step taken since joins
// the branches and drops it from the list without anyone having to clear it.
import type { Issue } from '../../../shared/domain/issue';
import { type ContradictingSteps, contradictingSteps } from '../../../shared/issues/contradicting-steps';
import { type DuchaDatabase, liveRecord } from '../database';
import { forEachHistories, historiesOfIssues, historyOfIssue } from './issue-steps';

const KEY = 'contradictedIssues';

const listed = async (db: DuchaDatabase): Promise<string[]> => {
  const value = (await db.meta.get(KEY))?.value;
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
};

/** Inside the import's transaction (issueEvents and meta): add or drop each touched issue. */
export async function noteContradictions(db: DuchaDatabase, issueIds: Iterable<string>): Promise<void> {
  const ids = new Set(await listed(db));
  const touched = [...new Set(issueIds)];
  // One read for all of them: a snapshot page touches thousands of issues.
  const histories = await historiesOfIssues(db, touched);
  let changed = false;
  for (const id of touched) {
    const contradicted = contradictingSteps(histories.get(id) ?? []).length > 0;
    if (contradicted !== ids.has(id)) {
      if (contradicted) ids.add(id);
      else ids.delete(id);
      changed = true;
    }
  }
  if (changed) await db.meta.put({ key: KEY, value: [...ids] });
}

/**
 * Inside a transaction over issues, issueEvents and meta: checks every stored history, listing the
 * contradicted and dropping the others. Once at the end of a new laptop's snapshot, rather than page
 * by page: a page's history rows belong to issues all over the table, so noting them per page read
 * most histories again for every page (half of a first sync's time).
 */
export async function noteAllContradictions(db: DuchaDatabase, perRead?: number): Promise<void> {
  const before = await listed(db);
  const contradicted = new Set<string>();
  await forEachHistories(
    db,
    (histories) => {
      for (const [id, history] of histories) if (contradictingSteps(history).length > 0) contradicted.add(id);
    },
    perRead,
  );
  // Those noted before keep their place; the new ones follow.
  const kept = before.filter((id) => contradicted.has(id));
  const added = [...contradicted].filter((id) => !before.includes(id));
  if (added.length > 0 || kept.length !== before.length)
    await db.meta.put({ key: KEY, value: [...kept, ...added] });
}

export interface ContradictedIssue {
  readonly issue: Issue;
  readonly pairs: ContradictingSteps[];
}

/** The listed issues that still hold contradicting steps, in the order they were noted. */
export async function contradictedIssues(db: DuchaDatabase): Promise<ContradictedIssue[]> {
  const out: ContradictedIssue[] = [];
  for (const id of await listed(db)) {
    const issue = liveRecord(await db.issues.get(id));
    if (!issue) continue;
    const pairs = contradictingSteps(await historyOfIssue(db, id));
    if (pairs.length > 0) out.push({ issue, pairs });
  }
  return out;
}

/** The issue ids among operations that carry history entries. */
export function issuesOfHistoryOperations(
  operations: Iterable<{ table: string; field: string; value: unknown }>,
): Set<string> {
  const ids = new Set<string>();
  for (const op of operations)
    if (op.table === 'issueEvents' && op.field === 'issueId' && typeof op.value === 'string')
      ids.add(op.value);
  return ids;
}
