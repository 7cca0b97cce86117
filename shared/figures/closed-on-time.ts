// 按期销号: whether a closed issue was closed by its deadline, as closedTimeliness in issue-filter.ts
// decides it (the list's timeliness filter), but cheap enough for 200,000 issues: closedTimeliness turns
// each closedAt into a day in the zone; this compares closedAt with the end of the deadline day, worked
// out once per distinct deadline.
import type { Issue } from '../domain/issue';
import type { Timeliness } from '../issues/issue-filter';
import { type Boundary, endOfZoneDay, isBefore } from './zone-days';

export type ClosedTimeliness = (issue: Pick<Issue, 'closedAt' | 'deadline' | 'status'>) => Timeliness | null;

/** A closedTimeliness for one zone, remembering the end of each deadline day it has seen. */
export function closedTimelinessIn(timeZone: string): ClosedTimeliness {
  const endOfDeadline = new Map<string, Boundary>();
  return (issue) => {
    if (issue.status !== 'closed' || issue.closedAt === null) return null;
    let end = endOfDeadline.get(issue.deadline);
    if (end === undefined) {
      end = endOfZoneDay(issue.deadline, timeZone);
      endOfDeadline.set(issue.deadline, end);
    }
    return isBefore(issue.closedAt, end) ? 'onTime' : 'late';
  };
}
