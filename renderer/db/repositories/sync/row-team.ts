// On an office laptop, the team log a change goes back into. A row that came from a team's log goes
// back to it (syncRowTeams); a row made on this laptop belongs where the record it hangs on came from:
// an issue recorded at the office on a project of team B is team B's, and so are its history, photos
// and marks. Only a row with nothing above it (a new project, a region, a unit) has no team of its own;
// the round then sends it to the first team's log (renderer/sync/sync-engine.ts, teamsToFollow).
import type { SyncedTable } from '../../../../shared/sync/tables';
import type { DuchaDatabase } from '../../database';
import { teamOfRow } from './replica';

/** The fields that name the record a row hangs on, nearest first. */
const PARENTS: Partial<Record<SyncedTable, readonly (readonly [field: string, table: SyncedTable])[]>> = {
  issues: [
    ['visitId', 'visits'],
    ['projectId', 'projects'],
  ],
  issueEvents: [['issueId', 'issues']],
  visits: [['projectId', 'projects']],
  checklistResults: [['visitId', 'visits']],
  visitAmendments: [['visitId', 'visits']],
  photos: [
    ['issueId', 'issues'],
    ['visitId', 'visits'],
    ['projectId', 'projects'],
  ],
  photoAnnotations: [['photoId', 'photos']],
};

/** Deep enough for a mark on a photo of an issue of a visit of a project. */
const MAX_DEPTH = 5;

/** The team log of the row, or of the nearest record above it that has one; null when none has. */
export async function teamOfRowOrParent(
  db: DuchaDatabase,
  table: string,
  rowId: string,
  depth = 0,
): Promise<string | null> {
  const own = await teamOfRow(db, table, rowId);
  if (own !== null || depth >= MAX_DEPTH) return own;
  const parents = PARENTS[table as SyncedTable];
  if (!parents) return null;
  const row = (await db.table(table).get(rowId)) as Record<string, unknown> | undefined;
  if (!row) return null;
  for (const [field, parentTable] of parents) {
    const parentId = row[field];
    if (typeof parentId !== 'string') continue;
    const team = await teamOfRowOrParent(db, parentTable, parentId, depth + 1);
    if (team !== null) return team;
  }
  return null;
}
