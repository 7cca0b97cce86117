// The project ledger's queries.
import type { Project } from '../../../shared/domain/project';
import type { DuchaDatabase, Stored } from '../database';

const live = (row: Stored<Project>): boolean => row._deleted !== true;

export async function listProjects(db: DuchaDatabase): Promise<Stored<Project>[]> {
  const rows = await db.projects.orderBy('name').toArray();
  return rows.filter(live);
}

export async function countProjects(db: DuchaDatabase): Promise<number> {
  return db.projects.filter(live).count();
}
