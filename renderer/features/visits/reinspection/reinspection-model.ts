// What the re-inspection screens decide without the database: the new visit, who re-inspected, whether
// a result can be recorded, and how before and after photos line up.
import type { Issue } from '../../../../shared/domain/issue';
import type { Team } from '../../../../shared/domain/organization';
import type { Visit } from '../../../../shared/domain/visit';
import { allowedSteps } from '../../../../shared/issues/lifecycle';
import { draftVisit } from '../new-visit';

/**
 * A new re-inspection of the issue: a draft visit to its project carrying it, dated `today` (the
 * office's date) and started now on the office's clock, with the team's members.
 */
export function draftReinspection(
  issue: Pick<Issue, 'id' | 'projectId'>,
  team: Team | undefined,
  now: number,
  today: string,
  timeZone: string,
): Visit {
  const startTime = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(now));
  return {
    ...draftVisit(issue.projectId, team, now),
    type: 'reinspection',
    date: today,
    startTime,
    reinspectedIssueIds: [issue.id],
  };
}

/**
 * Who re-inspected on this visit, when known: the inspector who signed it, else the leader of its
 * team. Empty when neither is known; the person recording the result then types the name.
 */
export function inspectorOf(
  visit: Pick<Visit, 'signatures' | 'teamId'>,
  teams: readonly Team[] | undefined,
  personNames: ReadonlyMap<string, string> | undefined,
): string {
  const signed = visit.signatures.find((s) => s.role === 'inspector');
  if (signed) return signed.name;
  const leaderId = teams?.find((t) => t.id === visit.teamId)?.leaderId;
  return (leaderId && personNames?.get(leaderId)) || '';
}

/** The name to offer for the "Re-inspect" step when a re-inspection starts: the team's leader. */
export const teamLeaderName = (
  team: Team | undefined,
  personNames: ReadonlyMap<string, string> | undefined,
): string => (team?.leaderId && personNames?.get(team.leaderId)) || '';

/**
 * Why this visit can record no result for the issue now; null when it can. A finalized visit takes
 * its result (a close-out even needs it finalized: shared/issues/close-out.ts).
 */
export type ResultBlocker = 'closed' | 'notAwaiting';

export function resultBlocker(issue: Pick<Issue, 'status'>): ResultBlocker | null {
  if (issue.status === 'closed') return 'closed';
  // The lifecycle decides which steps follow the status; close-out and send-back go together.
  return allowedSteps(issue.status).includes('closed') ? null : 'notAwaiting';
}

export interface PhotoPair<P> {
  before: P | null;
  after: P | null;
}

/**
 * Before and after photos side by side, in the order taken: the n-th after photo beside the n-th
 * before photo, as inspectors shoot the spots again in the order of the earlier photos. Always at
 * least one row, so the after column has a place to drop into.
 */
export function pairRows<P>(before: readonly P[], after: readonly P[]): PhotoPair<P>[] {
  const rows = Math.max(1, before.length, after.length);
  return Array.from({ length: rows }, (_, i) => ({ before: before[i] ?? null, after: after[i] ?? null }));
}
