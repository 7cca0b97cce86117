// The dashboard's (统计) one read: every live issue, in one getAll; the rows are filtered, not copied
// (see liveRows).
import type { Issue } from '../../../shared/domain/issue';
import { type DuchaDatabase, liveRows } from '../database';

export async function readDashboardIssues(db: DuchaDatabase): Promise<readonly Issue[]> {
  // In a read transaction of its own the result bypasses Dexie's live-query cache, which would
  // deep-clone 200,000 rows for each reader.
  return liveRows(await db.transaction('r', db.issues, () => db.issues.toArray()));
}
