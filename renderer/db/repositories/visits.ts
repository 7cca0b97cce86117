// Visits (督查记录) as the project page and the visit list read them.
import type { Visit } from '../../../shared/domain/visit';
import type { DuchaDatabase, Stored } from '../database';

/** A project's visits, newest first, through the [projectId+date] index. */
export async function visitsOfProject(db: DuchaDatabase, projectId: string): Promise<Stored<Visit>[]> {
  const rows = await db.visits
    .where('[projectId+date]')
    .between([projectId, ''], [projectId, '\uffff'])
    .reverse()
    .toArray();
  return rows.filter((v) => v._deleted !== true);
}
