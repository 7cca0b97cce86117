// A new issue (问题): from a visit's finding, or entered on the issue list ("New issue") for a problem
// learned of otherwise (a report, a phone call, the joint meeting). It starts as a draft (待下发) with
// the first entry of its hash-chained history, both written in one transaction.
import type { ChecklistItemRef, Issue, IssueEvent } from '../../../shared/domain/issue';
import type { Project } from '../../../shared/domain/project';
import { hashEntry } from '../../../shared/history/chain';
import { uuidv7 } from '../../../shared/ids/uuidv7';
import type { DuchaDatabase } from '../database';
import { writeRecords } from '../record-writer';
import { evidencePatches } from './issue-evidence';

export interface FindingInput {
  title: string;
  description: string;
  category: Issue['category'];
  severity: Issue['severity'];
  responsibleUnitIds: string[];
  responsiblePerson?: string;
  deadline: string;
  needsCoordination: boolean;
  /** Photos of the finding's visit that show the problem (issue-evidence.ts). */
  photoIds?: readonly string[];
  /** The checklist item answered 否 that the finding came from. */
  checklistItem?: ChecklistItemRef | null;
}

export async function createIssue(
  db: DuchaDatabase,
  project: Pick<Project, 'id' | 'regionId'>,
  visitId: string | null,
  finding: FindingInput,
  actorName: string,
  now: number = Date.now(),
): Promise<Issue> {
  const at = new Date(now).toISOString();
  const issue: Issue = {
    id: uuidv7(now),
    createdAt: at,
    updatedAt: at,
    projectId: project.id,
    regionId: project.regionId,
    visitId,
    title: finding.title.trim(),
    description: finding.description.trim(),
    category: finding.category,
    severity: finding.severity,
    responsibleUnitIds: finding.responsibleUnitIds,
    responsiblePerson: finding.responsiblePerson?.trim() ?? '',
    coordinatingLeaderId: null,
    deadline: finding.deadline,
    originalDeadline: finding.deadline,
    status: 'draft',
    needsCoordination: finding.needsCoordination,
    noticeNumber: null,
    closedAt: null,
    ...(finding.checklistItem ? { checklistItem: finding.checklistItem } : {}),
  };
  const entry: Omit<IssueEvent, 'hash'> = {
    id: uuidv7(now),
    createdAt: at,
    updatedAt: at,
    issueId: issue.id,
    seq: 0,
    kind: 'created',
    fromStatus: null,
    toStatus: 'draft',
    actorName,
    at,
    note: finding.description.trim(),
    evidencePhotoSha256: [],
    newDeadline: null,
    prevHash: null,
  };
  const event: IssueEvent = { ...entry, hash: await hashEntry(null, entry) };
  // The issue, its first entry and its photos' links are kept together or not at all.
  await db.transaction('rw', [db.issues, db.issueEvents, db.photos, db.outbox, db.meta], async () => {
    const photos = await evidencePatches(db, finding.photoIds ?? [], issue, visitId, now);
    await writeRecords(
      db,
      [
        { table: 'issues', id: issue.id, fields: issue },
        { table: 'issueEvents', id: event.id, fields: event },
        ...photos,
      ],
      now,
    );
  });
  return issue;
}
