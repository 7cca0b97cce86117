// What each report (renderer/features/reports) is made from, read in one go: the records, and for each
// photo the bytes to print — the display-size copy, else the original, else nothing (a photo whose
// bytes never reached this laptop is printed as a marked placeholder and reported, not an error).
import type { ChecklistResult, ChecklistTemplate } from '../../../shared/domain/checklist';
import type { Issue, IssueEvent } from '../../../shared/domain/issue';
import type { Team } from '../../../shared/domain/organization';
import type { Photo } from '../../../shared/domain/photo';
import type { Project } from '../../../shared/domain/project';
import type { Visit } from '../../../shared/domain/visit';
import type { VisitAmendment } from '../../../shared/domain/visit-amendment';
import { foundOn } from '../../../shared/issues/issue-filter';
import { type DuchaDatabase, liveRecord, liveRecords } from '../database';
import { historyOfIssue } from './issue-steps';
import { issuesOfNotice } from './notices';
import { readOrganization, type Organization } from './organization';
import { photosOf } from './photos';
import { beforeAndAfterPhotos } from './reinspections';
import { amendmentsOfVisit } from './visit-amendments';
import { checklistResultsOfVisit } from './visits';

/** A photo with the bytes to print, or null when this device has none of them. */
export interface PrintablePhoto {
  photo: Photo;
  blob: Blob | null;
}

/** The bytes to print of one photo (or a signature image): display copy, else original. */
export async function printableBlob(db: DuchaDatabase, sha256: string): Promise<Blob | null> {
  const display = await db.photoDerivatives.get([sha256, 'display']);
  if (display) return display.blob;
  return (await db.photoBlobs.get(sha256))?.blob ?? null;
}

async function printable(db: DuchaDatabase, photos: readonly Photo[]): Promise<PrintablePhoto[]> {
  const out: PrintablePhoto[] = [];
  for (const photo of photos) out.push({ photo, blob: await printableBlob(db, photo.sha256) });
  return out;
}

async function liveProject(db: DuchaDatabase, id: string): Promise<Project | null> {
  return liveRecord(await db.projects.get(id));
}

async function liveTeam(db: DuchaDatabase, id: string | null): Promise<Team | null> {
  if (id === null) return null;
  return liveRecord(await db.teams.get(id));
}

export interface VisitRecordSource {
  visit: Visit;
  project: Project;
  team: Team | null;
  organization: Organization;
  checklists: { template: ChecklistTemplate; result: ChecklistResult }[];
  findings: Issue[];
  photos: PrintablePhoto[];
  /** Signature images by their hash. */
  signatures: Map<string, Blob | null>;
  /** Corrections made after it was finalized, in order: the record marks and footnotes them. */
  amendments: VisitAmendment[];
}

export async function visitRecordSource(
  db: DuchaDatabase,
  visitId: string,
): Promise<VisitRecordSource | null> {
  const visit = liveRecord(await db.visits.get(visitId));
  if (!visit) return null;
  const project = await liveProject(db, visit.projectId);
  if (!project) return null;
  const [team, organization, checklists, issueRows, photos, amendments] = await Promise.all([
    liveTeam(db, visit.teamId),
    readOrganization(db),
    checklistResultsOfVisit(db, visitId),
    db.issues.where('visitId').equals(visitId).toArray(),
    photosOf(db, { visitId }),
    amendmentsOfVisit(db, visitId),
  ]);
  const signatures = new Map<string, Blob | null>();
  for (const s of visit.signatures) signatures.set(s.imageSha256, await printableBlob(db, s.imageSha256));
  return {
    visit,
    project,
    team,
    organization,
    checklists: checklists.flatMap(({ result, template }) => (template ? [{ result, template }] : [])),
    findings: liveRecords(issueRows).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    photos: await printable(db, photos),
    signatures,
    amendments,
  };
}

export interface NoticeSource {
  number: string;
  issues: Issue[];
  projects: Map<string, Project>;
  /** When each issue was issued with this number (its 'issued' step), by issue id. */
  issuedAt: Map<string, string>;
  organization: Organization;
}

export async function noticeSource(db: DuchaDatabase, number: string): Promise<NoticeSource | null> {
  const issues = await issuesOfNotice(db, number);
  if (issues.length === 0) return null;
  const projects = new Map<string, Project>();
  const issuedAt = new Map<string, string>();
  for (const issue of issues) {
    if (!projects.has(issue.projectId)) {
      const project = await liveProject(db, issue.projectId);
      if (project) projects.set(project.id, project);
    }
    const issued = (await historyOfIssue(db, issue.id)).findLast((e) => e.kind === 'issued');
    if (issued) issuedAt.set(issue.id, issued.at);
  }
  return { number, issues, projects, issuedAt, organization: await readOrganization(db) };
}

export interface CloseOutSource {
  issue: Issue;
  project: Project;
  history: IssueEvent[];
  /** The re-inspection that closed it (the visit of the last 'closed' step's evidence), if known. */
  reinspection: Visit | null;
  before: PrintablePhoto[];
  after: PrintablePhoto[];
  organization: Organization;
}

export async function closeOutSource(db: DuchaDatabase, issueId: string): Promise<CloseOutSource | null> {
  const issue = liveRecord(await db.issues.get(issueId));
  if (!issue) return null;
  const project = await liveProject(db, issue.projectId);
  if (!project) return null;
  const history = await historyOfIssue(db, issueId);
  const visits = liveRecords(await db.visits.where('projectId').equals(issue.projectId).toArray())
    .filter((v) => v.reinspectedIssueIds.includes(issueId))
    .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
  const closing = history.findLast((e) => e.kind === 'closed');
  const evidence = new Set(closing?.evidencePhotoSha256 ?? []);
  const issuePhotos = await photosOf(db, { issueId });
  // The re-inspection whose after photos are the close-out's evidence; else the latest one.
  const reinspection =
    visits.find((v) => issuePhotos.some((p) => p.visitId === v.id && evidence.has(p.sha256))) ??
    visits[0] ??
    null;
  const split = reinspection
    ? await beforeAndAfterPhotos(db, reinspection.id, issueId)
    : { before: issuePhotos, after: [] };
  return {
    issue,
    project,
    history,
    reinspection,
    before: await printable(db, split.before),
    after: await printable(db, split.after),
    organization: await readOrganization(db),
  };
}

export interface BulletinSource {
  /** Every live issue of the region: the figures pick those found in the period; the overdue list all. */
  issues: Issue[];
  /** The region's visits in the period. */
  visits: Visit[];
  projects: Map<string, Project>;
  organization: Organization;
  /** The visits' photos, by visit id, when asked for. */
  photosByVisit: Map<string, PrintablePhoto[]>;
  /** The photos of the issues found in the period, by issue id. */
  photosByIssue: Map<string, PrintablePhoto[]>;
}

export interface BulletinQuery {
  /** First and last day of the period, YYYY-MM-DD (inclusive). */
  from: string;
  to: string;
  /** Region ids the bulletin covers (a county and its towns), or null for all. */
  regionIds: ReadonlySet<string> | null;
  /** Whether to read the visits' photos (the appendix of site photos). */
  sitePhotos: boolean;
  /** Issues whose photos are wanted (the typical problems), chosen from the period's issues. */
  typicalIssues: (issues: readonly Issue[]) => readonly Issue[];
  /** The office's zone: the day an issue was found is its day there. */
  timeZone: string;
  onProgress?: (done: number, total: number) => void;
}

/** The region's visits of the period, its issues, and the photos the bulletin prints. */
export async function bulletinSource(db: DuchaDatabase, query: BulletinQuery): Promise<BulletinSource> {
  const inRegion = (regionId: string) => query.regionIds === null || query.regionIds.has(regionId);
  const [visitRows, projectRows, issueRows, organization] = await Promise.all([
    db.visits.where('date').between(query.from, query.to, true, true).toArray(),
    db.projects.toArray(),
    db.issues.toArray(),
    readOrganization(db),
  ]);
  const projects = new Map(liveRecords(projectRows).map((p) => [p.id, p]));
  const visits = liveRecords(visitRows)
    .filter((v) => inRegion(projects.get(v.projectId)?.regionId ?? ''))
    .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
  const issues = liveRecords(issueRows.filter((i) => inRegion(i.regionId)));
  const typical = query.typicalIssues(
    issues.filter((i) => {
      const day = foundOn(i, query.timeZone);
      return day >= query.from && day <= query.to;
    }),
  );
  const photoVisits = query.sitePhotos ? visits : [];
  const total = photoVisits.length + typical.length;
  let done = 0;
  const photosByVisit = new Map<string, PrintablePhoto[]>();
  for (const v of photoVisits) {
    photosByVisit.set(v.id, await printable(db, await photosOf(db, { visitId: v.id })));
    query.onProgress?.((done += 1), total);
  }
  const photosByIssue = new Map<string, PrintablePhoto[]>();
  for (const i of typical) {
    photosByIssue.set(i.id, await printable(db, await photosOf(db, { issueId: i.id })));
    query.onProgress?.((done += 1), total);
  }
  return { issues, visits, projects, organization, photosByVisit, photosByIssue };
}
