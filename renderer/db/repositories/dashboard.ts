// The dashboard's (统计) one read: every issue row, in one getAll. The figures (shared/figures) skip
// deleted rows in their single pass, so the rows are not filtered or copied here first.
import type { Issue } from '../../../shared/domain/issue';
import type { DuchaDatabase, Stored } from '../database';

export async function readDashboardIssues(db: DuchaDatabase): Promise<readonly Stored<Issue>[]> {
  // In a read transaction of its own the result bypasses Dexie's live-query cache, which would
  // deep-clone 200,000 rows for each reader.
  return db.transaction('r', db.issues, () => db.issues.toArray());
}
