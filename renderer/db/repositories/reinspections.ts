// Re-inspections (复查): visits of type 'reinspection' that carry issues awaiting re-inspection. Their
// before and after photos of each issue, and their result — close-out (销号) or send-back (退回整改) —
// applied as the issue's lifecycle step, with this visit's after photos as the evidence.
import type { Issue, IssueStatus } from '../../../shared/domain/issue';
import type { Photo } from '../../../shared/domain/photo';
import type { Visit } from '../../../shared/domain/visit';
import { reinspectionReadiness } from '../../../shared/issues/close-out';
import { type DuchaDatabase, isLive, recordOfStored } from '../database';
import { applyIssueStep, IssueStepRefusedError } from './issue-steps';
import { photosOf } from './photos';
import { updateRecord } from './records';
import { createVisit, getVisit, visitsOfProject } from './visits';

/** The statuses from which a re-inspection may start: reported (the "Re-inspect" step comes first) or awaiting it. */
const STARTS_FROM: readonly IssueStatus[] = ['rectificationReported', 'awaitingReinspection'];

export const canStartReinspection = (status: IssueStatus): boolean => STARTS_FROM.includes(status);

/** The visits that carry the issue for re-inspection, newest first. */
export async function reinspectionsOfIssue(
  db: DuchaDatabase,
  issue: Pick<Issue, 'id' | 'projectId'>,
): Promise<Visit[]> {
  // A project has tens of visits, not thousands: no index over the carried issues is needed.
  return (await visitsOfProject(db, issue.projectId)).filter((v) => v.reinspectedIssueIds.includes(issue.id));
}

export interface StartedReinspection {
  visitId: string;
  /** How the visit came to carry the issue: a new visit, the draft that already carried it, or a
   * draft re-inspection of the same project on the same day that now carries it too. */
  how: 'created' | 'reopened' | 'joined';
}

/**
 * Starts (or reopens) the re-inspection of an issue, in one transaction:
 * - an issue whose rectification was reported gets the "Re-inspect" step first (by `actorName`), so no
 *   visit ever carries an issue that is not awaiting re-inspection, and a refused step leaves no visit;
 * - a draft re-inspection visit already carrying the issue is reopened rather than a second one made;
 * - else a draft re-inspection of the issue's project on `draft.date` takes the issue too (one visit is
 *   one project on one day, DOMAIN.md);
 * - else `draft` is stored as a re-inspection of the issue's project carrying the issue.
 * Throws IssueStepRefusedError when the issue is in no state to be re-inspected.
 */
export async function startReinspection(
  db: DuchaDatabase,
  issueId: string,
  draft: Visit,
  actorName: string,
  now: number = Date.now(),
): Promise<StartedReinspection> {
  const tables = [db.visits, db.issues, db.issueEvents, db.outbox, db.meta];
  return db.transaction('rw', tables, async () => {
    const stored = await db.issues.get(issueId);
    if (!stored || !isLive(stored)) throw new Error(`issue ${issueId} does not exist`);
    const issue = recordOfStored<Issue>(stored);
    if (!canStartReinspection(issue.status)) throw new IssueStepRefusedError('notAllowed');
    if (issue.status === 'rectificationReported')
      await applyIssueStep(db, issueId, { kind: 'reinspectionRequested', actorName, note: '' }, now);

    const drafts = (await visitsOfProject(db, issue.projectId)).filter(
      (v) => v.type === 'reinspection' && v.status === 'draft',
    );
    const carrying = drafts.find((v) => v.reinspectedIssueIds.includes(issueId));
    if (carrying) return { visitId: carrying.id, how: 'reopened' };
    const sameDay = drafts.find((v) => v.date === draft.date);
    if (sameDay) {
      const reinspectedIssueIds = [...sameDay.reinspectedIssueIds, issueId];
      await updateRecord(db, 'visits', sameDay.id, { reinspectedIssueIds }, now);
      return { visitId: sameDay.id, how: 'joined' };
    }
    await createVisit(db, {
      ...draft,
      projectId: issue.projectId,
      type: 'reinspection',
      reinspectedIssueIds: [issueId],
      status: 'draft',
    });
    return { visitId: draft.id, how: 'created' };
  });
}

export interface BeforeAndAfter<P extends Photo = Photo> {
  /** The issue's photos from before this visit: found on an earlier visit, sent in with a report, … */
  before: P[];
  /** The photos of the issue taken on this re-inspection. */
  after: P[];
}

/** Splits an issue's photos into those of this re-inspection visit and the rest, keeping their order. */
export function splitBeforeAfter<P extends Photo>(
  issuePhotos: readonly P[],
  visitId: string,
): BeforeAndAfter<P> {
  const before: P[] = [];
  const after: P[] = [];
  for (const photo of issuePhotos) (photo.visitId === visitId ? after : before).push(photo);
  return { before, after };
}

/** An issue's before and after photos for a re-inspection visit, each in the order taken. */
export async function beforeAndAfterPhotos(
  db: DuchaDatabase,
  visitId: string,
  issueId: string,
): Promise<BeforeAndAfter<Photo>> {
  return splitBeforeAfter(await photosOf(db, { issueId }), visitId);
}

export interface ReinspectionResult {
  /** Close-out (销号) or send-back (退回整改, 复查未通过). */
  kind: 'closed' | 'sentBack';
  actorName: string;
  /** The reason of a send-back (required by the lifecycle), the remarks of a close-out. */
  note: string;
}

/**
 * Records the result of re-inspecting an issue on a visit as the issue's lifecycle step, with the
 * after photos of this visit as its evidence (a close-out without any is refused by the rules:
 * IssueStepRefusedError 'afterPhotosRequired'). A close-out also needs this visit signed and finalized
 * (IssueStepRefusedError 'reinspectionUnsigned' / 'reinspectionNotFinalized' with its date); nothing is
 * written when anything is refused.
 */
export async function recordReinspectionResult(
  db: DuchaDatabase,
  visitId: string,
  issueId: string,
  result: ReinspectionResult,
  now: number = Date.now(),
): Promise<Issue> {
  const tables = [db.visits, db.photos, db.issues, db.issueEvents, db.outbox, db.meta];
  return db.transaction('rw', tables, async () => {
    const visit = await getVisit(db, visitId);
    if (!visit) throw new Error(`visit ${visitId} does not exist`);
    if (!visit.reinspectedIssueIds.includes(issueId))
      throw new Error(`visit ${visitId} does not re-inspect issue ${issueId}`);
    // The result is the issue's step, not a change of the visit: a finalized visit takes it.
    const { after } = await beforeAndAfterPhotos(db, visitId, issueId);
    const evidence = [...new Set(after.map((p) => p.sha256))];
    // A close-out needs this very visit signed and finalized (shared/issues/close-out.ts). Missing
    // after photos are said first: they can only be added before the visit is finalized.
    if (result.kind === 'closed' && evidence.length > 0) {
      const ready = reinspectionReadiness(visit);
      if (!ready.ok) throw new IssueStepRefusedError(ready.refusal, ready.visitDate);
    }
    return applyIssueStep(
      db,
      issueId,
      { kind: result.kind, actorName: result.actorName, note: result.note, evidencePhotoSha256: evidence },
      now,
    );
  });
}
