// Reports and statistics, live: a unit's notices and the next notice number, the closed issues a
// close-out record can be made for, the dashboard's issues and the year's targets.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Issue } from '../../../../shared/domain/issue';
import type { SequenceStart } from '../../../../shared/reports/notice-number';
import { liveRecords } from '../../database';
import { useDatabase } from '../../provider';
import { readDashboardIssues } from '../../repositories/dashboard';
import { noticesOfUnit, previewNoticeNumber } from '../../repositories/notices';
import { readTargets } from '../../repositories/targets';

/** The notices a unit has had (latest first) and its draft issues; undefined while loading. */
export function useUnitNotices(unitId: string | null) {
  const db = useDatabase();
  return useLiveQuery(async () => {
    if (unitId === null) return { numbers: [], drafts: [] as Issue[] };
    return noticesOfUnit(db, unitId);
  }, [db, unitId]);
}

/** The number the next notice would get: the team's prefix, the year, and its sequence start. */
export function useNextNoticeNumber(prefix: string | null, year: number, start: SequenceStart | null = null) {
  const db = useDatabase();
  const startYear = start?.year ?? null;
  const startNext = start?.next ?? null;
  return useLiveQuery(
    () =>
      prefix === null
        ? Promise.resolve(null)
        : previewNoticeNumber(
            db,
            prefix,
            year,
            startYear === null || startNext === null ? null : { year: startYear, next: startNext },
          ),
    [db, prefix, year, startYear, startNext],
  );
}

/** Closed issues, latest close-out first: what a close-out record can be made for. */
export function useClosedIssues() {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const rows = await db.issues.where('status').equals('closed').toArray();
    return liveRecords(rows).sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
  }, [db]);
}

/**
 * Every live issue, for the dashboard's figures; undefined while loading. Read again only when the
 * issues change — not on writes to other tables, and not when the targets change.
 */
export function useDashboardIssues() {
  const db = useDatabase();
  return useLiveQuery(() => readDashboardIssues(db), [db]);
}

/** The year's targets, the defaults when the office has set none; undefined while loading. */
export function useTargets(year: number) {
  const db = useDatabase();
  return useLiveQuery(() => readTargets(db, year), [db, year]);
}
