// The project ledger's reads and writes.
import type { Project } from '../../../shared/domain/project';
import { type DuchaDatabase, isLive, liveRecord, liveRows } from '../database';
import { type RecordEdit, saveEdits } from './edits';
import { createRecords, updateRecord } from './records';

/** The live projects, in no particular order: the ledger sorts them as the user asks. */
export async function listProjects(db: DuchaDatabase): Promise<Project[]> {
  return liveRows(await db.projects.toArray());
}

/** Whether the ledger has any project; stops at the first one rather than counting them all. */
export async function hasProjects(db: DuchaDatabase): Promise<boolean> {
  return (await db.projects.filter(isLive).first()) !== undefined;
}

export async function getProject(db: DuchaDatabase, id: string): Promise<Project | null> {
  return liveRecord(await db.projects.get(id));
}

export const createProject = (db: DuchaDatabase, project: Project): Promise<void> =>
  createRecords(db, 'projects', [project]);

export const updateProject = (db: DuchaDatabase, id: string, changes: Partial<Project>): Promise<void> =>
  updateRecord(db, 'projects', id, changes);

/** Saves the fields of a project the person changed; see edits.ts for what comes back instead. */
export const saveProjectEdits = (db: DuchaDatabase, id: string, edit: RecordEdit<Project>) =>
  saveEdits(db, 'projects', id, edit);
