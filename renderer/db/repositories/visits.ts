// Visits (督查记录): a draft is edited freely; once signed and finalized it is locked, and only an
// amendment (visit-amendments.ts) may correct it.
import type { ChecklistResult, ChecklistTemplate } from '../../../shared/domain/checklist';
import type { Issue } from '../../../shared/domain/issue';
import type { Project } from '../../../shared/domain/project';
import type { Visit } from '../../../shared/domain/visit';
import { type DuchaDatabase, liveRecord, liveRecords } from '../database';
import { type RecordEdit, saveEdits } from './edits';
import { createIssue, type FindingInput } from './issue-create';
import { createRecords, updateRecord } from './records';

export type { FindingInput };

/** A change to a finalized visit was attempted; the visit is unchanged. */
export class VisitLockedError extends Error {
  override name = 'VisitLockedError';
}

/** A project's visits, newest first, through the [projectId+date] index. */
export async function visitsOfProject(db: DuchaDatabase, projectId: string): Promise<Visit[]> {
  const rows = await db.visits
    .where('[projectId+date]')
    .between([projectId, ''], [projectId, '\uffff'])
    .reverse()
    .toArray();
  return liveRecords(rows);
}

/** The most recent visits of all projects, newest first. */
export async function recentVisits(db: DuchaDatabase, limit = 500): Promise<Visit[]> {
  const rows = await db.visits
    .orderBy('date')
    .reverse()
    .limit(limit * 2)
    .toArray();
  return liveRecords(rows).slice(0, limit);
}

export async function getVisit(db: DuchaDatabase, id: string): Promise<Visit | null> {
  return liveRecord(await db.visits.get(id));
}

export const createVisit = (db: DuchaDatabase, visit: Visit): Promise<void> =>
  createRecords(db, 'visits', [visit]);

export async function updateDraftVisit(
  db: DuchaDatabase,
  id: string,
  changes: Partial<Visit>,
): Promise<void> {
  await db.transaction('rw', [db.visits, db.outbox, db.meta], async () => {
    const visit = await getVisit(db, id);
    if (!visit) throw new Error(`visit ${id} does not exist`);
    if (visit.status === 'finalized')
      throw new VisitLockedError('this visit is finalized and cannot be edited');
    await updateRecord(db, 'visits', id, changes);
  });
}

/** Saves the fields of a draft visit the person changed; a finalized visit is refused. */
export const saveVisitEdits = (db: DuchaDatabase, id: string, edit: RecordEdit<Visit>) =>
  saveEdits(db, 'visits', id, edit, {
    guard: (visit) => {
      if (visit.status === 'finalized')
        throw new VisitLockedError('this visit is finalized and cannot be edited');
    },
  });

/** A visit cannot be finalized before the inspector has signed it. */
export class SignatureMissingError extends Error {
  override name = 'SignatureMissingError';
}

/** Locks the visit; from then on only an amendment corrects it. Needs the inspector's signature. */
export async function finalizeVisit(db: DuchaDatabase, id: string, now: number = Date.now()): Promise<void> {
  await db.transaction('rw', [db.visits, db.outbox, db.meta], async () => {
    const visit = await getVisit(db, id);
    if (visit && !visit.signatures.some((s) => s.role === 'inspector'))
      throw new SignatureMissingError('the inspector has not signed this visit');
    await updateDraftVisit(db, id, { status: 'finalized', finalizedAt: new Date(now).toISOString() });
  });
}

export async function checklistTemplates(db: DuchaDatabase): Promise<ChecklistTemplate[]> {
  const rows = liveRecords(await db.checklistTemplates.toArray());
  // The latest version of each template.
  const latest = new Map<string, ChecklistTemplate>();
  for (const t of rows) if ((latest.get(t.key)?.version ?? 0) < t.version) latest.set(t.key, t);
  return [...latest.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export async function checklistResultsOfVisit(db: DuchaDatabase, visitId: string) {
  const results = liveRecords(await db.checklistResults.where('visitId').equals(visitId).toArray());
  const templates = await db.checklistTemplates.bulkGet(results.map((r) => r.templateId));
  return results.map((result, i) => ({ result, template: liveRecord(templates[i]) }));
}

/** Saves a visit's answers to one template; refused once the visit is finalized. */
export async function saveChecklistResult(db: DuchaDatabase, result: ChecklistResult): Promise<void> {
  await db.transaction('rw', [db.visits, db.checklistResults, db.outbox, db.meta], async () => {
    const visit = await getVisit(db, result.visitId);
    if (visit?.status === 'finalized')
      throw new VisitLockedError('this visit is finalized and cannot be edited');
    const existing = await db.checklistResults.get(result.id);
    if (existing) await updateRecord(db, 'checklistResults', result.id, { answers: result.answers });
    else await createRecords(db, 'checklistResults', [result]);
  });
}

export async function issuesOfVisit(db: DuchaDatabase, visitId: string): Promise<Issue[]> {
  return liveRecords(await db.issues.where('visitId').equals(visitId).toArray());
}

/**
 * Records a finding of a visit as a new issue (待下发), with the first entry of its hash-chained
 * history, in one transaction.
 */
export const recordFinding = (
  db: DuchaDatabase,
  visit: Visit,
  project: Pick<Project, 'id' | 'regionId'>,
  finding: FindingInput,
  actorName: string,
  now: number = Date.now(),
): Promise<Issue> => createIssue(db, project, visit.id, finding, actorName, now);
