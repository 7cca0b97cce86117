// Adding the projects of an imported list (项目台账 from an .xlsx) to the ledger: all of them or none.
// One writeRecords call is one transaction, so a failure on the 200th project (an invalid record, a
// full disk) leaves the ledger as it was — never half an import, never a list imported twice over
// because the user retried after a partial failure.
import type { Project } from '../../../shared/domain/project';
import type { DuchaDatabase } from '../database';
import { writeRecords } from '../record-writer';

/** An import that would change projects already stored instead of adding new ones; nothing is kept. */
export class ImportConflictError extends Error {
  override name = 'ImportConflictError';
  constructor(readonly ids: readonly string[]) {
    super(`import would overwrite existing or repeated project ids: ${ids.slice(0, 3).join(', ')}`);
  }
}

/**
 * Stores new projects, with one operation per field in the outbox as every local write. Returns how
 * many were added. Throws InvalidRecordError (a project breaks the schema) or ImportConflictError
 * (an id is repeated or already stored), and then stores nothing.
 */
export async function importProjects(
  db: DuchaDatabase,
  projects: readonly Project[],
  now: number = Date.now(),
): Promise<number> {
  if (projects.length === 0) return 0;
  const ids = projects.map((p) => p.id);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length > 0) throw new ImportConflictError(repeated);
  // writeRecords joins this transaction, so the check and the write are one atomic step.
  await db.transaction('rw', [db.projects, db.outbox, db.meta], async () => {
    const stored = await db.projects.bulkGet(ids);
    const taken = ids.filter((_, i) => stored[i] !== undefined);
    if (taken.length > 0) throw new ImportConflictError(taken);
    await writeRecords(
      db,
      projects.map((project) => ({ table: 'projects', id: project.id, fields: project })),
      now,
    );
  });
  return projects.length;
}
