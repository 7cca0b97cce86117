// Commands of reports and statistics: the records each document is made from, a new rectification
// notice given out, and the year's targets of the dashboard.
import type { TargetValues } from '../../../../shared/domain/targets';
import { type DuchaDatabase, liveRecords } from '../../database';
import type { RecordEdit } from '../../repositories/edits';
import { issueNotice, issueNoticesByUnit, type NoticeInput } from '../../repositories/notices';
import {
  bulletinSource,
  type BulletinQuery,
  closeOutSource,
  noticeSource,
  visitRecordSource,
} from '../../repositories/report-sources';
import { saveTargets } from '../../repositories/targets';

export const reportActions = (db: DuchaDatabase) => ({
  visitRecord: (visitId: string) => visitRecordSource(db, visitId),
  notice: (number: string) => noticeSource(db, number),
  closeOut: (issueId: string) => closeOutSource(db, issueId),
  bulletin: (query: BulletinQuery) => bulletinSource(db, query),
  /** Gives out a rectification notice for a unit's draft issues under the next number of the sequence. */
  issueNotice: (input: NoticeInput) => issueNotice(db, input),
  /** The list's bulk action: one notice per responsible unit of the ticked drafts, each numbered in turn. */
  issueNoticesByUnit: (input: NoticeInput, onProgress?: (done: number) => void) =>
    issueNoticesByUnit(db, input, onProgress),
  /** Every live issue in deadline order (then id: the index's own order), as the issue ledger lists them. */
  allIssues: async () => liveRecords(await db.issues.orderBy('deadline').toArray()),
  /** The year's targets of the dashboard (a synced record). */
  /** Writes only the targets the person changed; returns conflicts instead when one moved underneath. */
  saveTargets: (year: number, edit: RecordEdit<TargetValues>) => saveTargets(db, year, edit),
});
