// Reports for components: the records each document is made from, the notices of a unit, and the
// command that gives out a new notice.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Issue } from '../../shared/domain/issue';
import { type DuchaDatabase, isLive, recordOfStored } from './database';
import { useDatabase } from './provider';
import { issueNotice, nextNoticeNumberOf, type NoticeInput, noticesOfUnit } from './repositories/notices';
import {
  bulletinSource,
  type BulletinQuery,
  closeOutSource,
  noticeSource,
  visitRecordSource,
} from './repositories/report-sources';

export type {
  BulletinQuery,
  BulletinSource,
  CloseOutSource,
  NoticeSource,
  PrintablePhoto,
  VisitRecordSource,
} from './repositories/report-sources';
export { NoticeRefusedError } from './repositories/notices';

/** The notices a unit has had (latest first) and its draft issues; undefined while loading. */
export function useUnitNotices(unitId: string | null) {
  const db = useDatabase();
  return useLiveQuery(async () => {
    if (unitId === null) return { numbers: [], drafts: [] as Issue[] };
    return noticesOfUnit(db, unitId);
  }, [db, unitId]);
}

export function useNextNoticeNumber(prefix: string | null, year: number) {
  const db = useDatabase();
  return useLiveQuery(
    () => (prefix === null ? Promise.resolve(null) : nextNoticeNumberOf(db, prefix, year)),
    [db, prefix, year],
  );
}

/** Closed issues, latest close-out first: what a close-out record can be made for. */
export function useClosedIssues() {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const rows = await db.issues.where('status').equals('closed').toArray();
    return rows
      .filter(isLive)
      .map((r) => recordOfStored<Issue>(r))
      .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
  }, [db]);
}

export const reportSources = (db: DuchaDatabase) => ({
  visitRecord: (visitId: string) => visitRecordSource(db, visitId),
  notice: (number: string) => noticeSource(db, number),
  closeOut: (issueId: string) => closeOutSource(db, issueId),
  bulletin: (query: BulletinQuery) => bulletinSource(db, query),
  issueNotice: (input: NoticeInput) => issueNotice(db, input),
  /** Every live issue in deadline order (then id: the index's own order), as the issue ledger lists them. */
  allIssues: async () =>
    (await db.issues.orderBy('deadline').toArray()).filter(isLive).map((r) => recordOfStored<Issue>(r)),
});
