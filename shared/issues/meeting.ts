// The joint-meeting list (联席会议 / 调度会 待协调问题清单): the open issues that a unit cannot solve
// alone, grouped by responsible unit. At the meeting each department answers for its own items ("一事
// 一议"), so an issue held by several units stands in each of their groups, naming the others.
import type { Issue } from '../domain/issue';
import { colourCard } from './colour-card';

/** What the grouping reads of an issue. */
export type MeetingIssue = Pick<
  Issue,
  'id' | 'status' | 'deadline' | 'needsCoordination' | 'responsibleUnitIds'
>;

/** Whether an issue is on the list: flagged for the meeting and not yet closed out. */
export const isForMeeting = (issue: Pick<Issue, 'status' | 'needsCoordination'>): boolean =>
  issue.needsCoordination && issue.status !== 'closed';

export interface MeetingItem<T extends MeetingIssue> {
  issue: T;
  /** The issue's other responsible units (共同责任单位), in the issue's order. */
  coUnitIds: string[];
}

export interface MeetingGroup<T extends MeetingIssue> {
  unitId: string;
  /** Soonest deadline first (the longest overdue at the top), then by id so the order never wobbles. */
  items: MeetingItem<T>[];
}

const byUrgency = (a: MeetingIssue, b: MeetingIssue): number =>
  a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id);

/**
 * The list's groups: one per responsible unit, the unit with most issues first, then by the unit's
 * name (pinyin order: unit names are Chinese in either language), then by id. Issues that are closed
 * or not flagged are left out, so callers may pass any issues.
 */
export function groupForMeeting<T extends MeetingIssue>(
  issues: Iterable<T>,
  unitName: (unitId: string) => string,
): MeetingGroup<T>[] {
  const byUnit = new Map<string, MeetingItem<T>[]>();
  for (const issue of issues) {
    if (!isForMeeting(issue)) continue;
    const units = [...new Set(issue.responsibleUnitIds)]; // a unit named twice is still one group
    for (const unitId of units) {
      const item = { issue, coUnitIds: units.filter((u) => u !== unitId) };
      const items = byUnit.get(unitId);
      if (items) items.push(item);
      else byUnit.set(unitId, [item]);
    }
  }
  const collator = new Intl.Collator('zh-CN');
  const groups = [...byUnit].map(([unitId, items]) => ({
    unitId,
    name: unitName(unitId),
    items: items.sort((a, b) => byUrgency(a.issue, b.issue)),
  }));
  groups.sort(
    (a, b) =>
      b.items.length - a.items.length || collator.compare(a.name, b.name) || a.unitId.localeCompare(b.unitId),
  );
  return groups.map(({ unitId, items }) => ({ unitId, items }));
}

export interface MeetingTotals {
  /** Distinct issues: one held by two units is counted once. */
  issues: number;
  units: number;
  /** Red cards: past the deadline. */
  overdue: number;
  /** Yellow cards: the deadline within three days. */
  dueSoon: number;
}

export function meetingTotals(groups: readonly MeetingGroup<MeetingIssue>[], today: string): MeetingTotals {
  const seen = new Map<string, MeetingIssue>();
  for (const group of groups) for (const { issue } of group.items) seen.set(issue.id, issue);
  let overdue = 0;
  let dueSoon = 0;
  for (const issue of seen.values()) {
    const card = colourCard(issue, today);
    if (card === 'red') overdue++;
    else if (card === 'yellow') dueSoon++;
  }
  return { issues: seen.size, units: groups.length, overdue, dueSoon };
}
