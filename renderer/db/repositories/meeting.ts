// The issues of the joint-meeting list (调度会): open issues flagged for coordination. No index holds the
// flag (IndexedDB cannot index a boolean), so the open issues are read by the status index and the
// flag is checked on them; closed issues, most of an old ledger, are never read.
import { type Issue, ISSUE_STATUSES } from '../../../shared/domain/issue';
import { isForMeeting } from '../../../shared/issues/meeting';
import { type DuchaDatabase, liveRecords } from '../database';

const OPEN_STATUSES = ISSUE_STATUSES.filter((s) => s !== 'closed');

export async function meetingIssues(db: DuchaDatabase): Promise<Issue[]> {
  const open = await db.issues.where('status').anyOf(OPEN_STATUSES).toArray();
  return liveRecords(open).filter(isForMeeting);
}
