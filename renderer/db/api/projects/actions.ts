// Commands on the project ledger (项目台账), bound to the open database.
import type { Project } from '../../../../shared/domain/project';
import type { DuchaDatabase } from '../../database';
import type { RecordEdit } from '../../repositories/edits';
import { createProject, saveProjectEdits, updateProject } from '../../repositories/projects';
import { importProjects, type ListsToAdd } from '../../repositories/projects-import';

export const projectActions = (db: DuchaDatabase) => ({
  create: (project: Project) => createProject(db, project),
  update: (id: string, changes: Partial<Project>) => updateProject(db, id, changes),
  /** Writes only what the person changed; returns conflicts instead when a changed field moved underneath. */
  saveEdits: (id: string, edit: RecordEdit<Project>) => saveProjectEdits(db, id, edit),
  /** All or nothing: one transaction, with the counties, towns and units the list adds. */
  importMany: (projects: readonly Project[], lists?: ListsToAdd) =>
    importProjects(db, projects, Date.now(), lists),
});
