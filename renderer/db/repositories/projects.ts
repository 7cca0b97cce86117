// The project ledger's queries.
import type { Project } from '../../../shared/domain/project';
import type { DuchaDatabase, Stored } from '../database';

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
