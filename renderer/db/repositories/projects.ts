// The project ledger's reads and writes.
import type { Project } from '../../../shared/domain/project';
import type { DuchaDatabase, Stored } from '../database';
import { createRecords, updateRecord } from './records';

const byName = new Intl.Collator('zh-CN');

const live = (row: Stored<Project>): boolean => row._deleted !== true;

export async function listProjects(db: DuchaDatabase): Promise<Stored<Project>[]> {
  const rows = (await db.projects.toArray()).filter(live);
  // Chinese readers expect names in pinyin order, which IndexedDB's code-point order is not.
  return rows.sort((a, b) => byName.compare(a.name, b.name));
}

export async function countProjects(db: DuchaDatabase): Promise<number> {
  return db.projects.filter(live).count();
}

export async function getProject(db: DuchaDatabase, id: string): Promise<Stored<Project> | null> {
  const row = await db.projects.get(id);
  return row && live(row) ? row : null;
}

export const createProject = (db: DuchaDatabase, project: Project): Promise<void> =>
  createRecords(db, 'projects', [project]);

export const updateProject = (db: DuchaDatabase, id: string, changes: Partial<Project>): Promise<void> =>
  updateRecord(db, 'projects', id, changes);
