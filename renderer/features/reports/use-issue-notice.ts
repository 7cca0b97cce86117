// Giving out a rectification notice, the one way: the working team's prefix and sequence (its stated
// start included), the year of today in the office's time zone, and the deadline rule of
// shared/issues — the same for the Reports page's notice and the issue page's "Issue notice" step.
import { useCallback } from 'react';
import type { Team } from '../../../shared/domain/organization';
import { reportActions, useDatabase, useNextNoticeNumber, useWorkingContext } from '../../db';
import { useToday } from '../../stores/clock';

export interface NoticeToIssue {
  issueIds: readonly string[];
  actorName: string;
  note: string;
  /** Needed when a deadline is sooner than the team's minimum; recorded in the step's note. */
  shortDeadlineReason?: string;
}

/** What the team's settings add to every notice: its sequence, its year and its deadline rule. */
const numbering = (team: Team, year: number, today: string) => ({
  prefix: team.documentPrefix,
  year,
  today,
  sequenceStart: team.noticeSequenceStart ?? null,
  minimumDeadlineDays: team.minimumDeadlineDays ?? null,
});

export function useIssueNotice() {
  const db = useDatabase();
  const context = useWorkingContext();
  const team = context?.team ?? null;
  const today = useToday();
  const year = Number(today.slice(0, 4));
  const next = useNextNoticeNumber(team?.documentPrefix ?? null, year, team?.noticeSequenceStart ?? null);
  const issue = useCallback(
    async (notice: NoticeToIssue) => {
      if (!team) throw new Error('no supervision team to number the notice');
      return reportActions(db).issueNotice({ ...notice, ...numbering(team, year, today) });
    },
    [db, team, year, today],
  );
  /** The list's bulk action: one notice per responsible unit of the issues, each numbered in turn. */
  const issueByUnit = useCallback(
    async (notice: NoticeToIssue, onProgress?: (done: number) => void) => {
      if (!team) throw new Error('no supervision team to number the notices');
      return reportActions(db).issueNoticesByUnit({ ...notice, ...numbering(team, year, today) }, onProgress);
    },
    [db, team, year, today],
  );
  return {
    /** False while the working team is still being read. */
    loaded: context !== undefined,
    team,
    today,
    minimumDeadlineDays: team?.minimumDeadlineDays ?? 0,
    /** The number the notice will get; null without a team, undefined while loading. */
    next,
    issue,
    issueByUnit,
  };
}
