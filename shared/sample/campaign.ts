// The sample campaign (示例督查数据): a deterministic, seeded set of every synced record — regions,
// units, people, teams, the project ledger, visits with checklist results, issues with hash-chained
// histories at every lifecycle status, and real JPEG photos with EXIF — for the first-run demo, the
// tests and, scaled up, the benchmarks. Runs in the browser and in Node; the same options always give
// the same campaign (ids, instants and photo bytes included).
import { BUILTIN_TEMPLATES } from '../checklists/builtin-templates';
import type { ChecklistResult, ChecklistTemplate } from '../domain/checklist';
import type { Issue, IssueEvent } from '../domain/issue';
import type { Person, Region, Team, Unit } from '../domain/organization';
import type { Photo } from '../domain/photo';
import type { PhotoAnnotation } from '../domain/photo-annotation';
import type { Project } from '../domain/project';
import { defaultTargetValues, type Targets, targetsIdOf } from '../domain/targets';
import type { Visit } from '../domain/visit';
import type { VisitAmendment } from '../domain/visit-amendment';
import { sealChain } from '../history/chain';
import { jpegJsEncoder, type JpegEncoder } from '../photos/jpeg-encode';
import { encodeSignatureImage } from '../photos/sample-signature';
import { sha256Hex } from '../crypto/sha256';
import { buildAmendments, buildAnnotations } from './amendments';
import { buildChecklistResults } from './checklist-results';
import { NAMED_PROJECTS } from './catalogue';
import { createContext } from './context';
import { isoInstant } from './dates';
import { buildIssues, numberNotices } from './issues';
import { buildOrganization } from './organization';
import { buildPhotos, DEFAULT_PHOTO_COUNT, locateVisits, type PhotoBlob } from './photos';
import { buildProjects, namedSpecs } from './projects';
import { hashString } from './random';
import { buildVisits } from './visits';

export const DEFAULT_SEED = 20_260_301;
const SITE_REP_POOL = 40;
/**
 * Issues that get their whole lifecycle history by default; later ones in a large sample are
 * imported from the office's earlier ledger with a single event. Hashing a history costs ~10 µs per
 * event in plain JavaScript, so 200,000 full histories (10^6 events) alone would take 10 s or more.
 */
export const FULL_HISTORY_LIMIT = 20_000;

export interface CampaignOptions {
  seed?: number;
  /** The campaign's today, a China date (YYYY-MM-DD); everything happens before its 18:00. */
  today: string;
  /** Exact record counts, for large samples; omitted counts take the sample's own. */
  scale?: {
    projects?: number;
    visits?: number;
    issues?: number;
    photos?: number;
    /** How many issues get a full history (default FULL_HISTORY_LIMIT); the rest are imported. */
    fullHistories?: number;
  };
  /** Size of the generated photos; 640×480 by default. */
  photoSize?: { width: number; height: number };
  /** Encodes the photos and signatures; jpeg-js by default (the same bytes everywhere). */
  jpegEncoder?: JpegEncoder;
}

export interface Campaign {
  regions: Region[];
  units: Unit[];
  people: Person[];
  teams: Team[];
  projects: Project[];
  visits: Visit[];
  checklistTemplates: ChecklistTemplate[];
  checklistResults: ChecklistResult[];
  issues: Issue[];
  issueEvents: IssueEvent[];
  photos: Photo[];
  visitAmendments: VisitAmendment[];
  photoAnnotations: PhotoAnnotation[];
  /** The office's targets for the campaign's year: the dashboard's defaults, as set up with the ledger. */
  targets: Targets[];
  /** Photo originals and visit signature images, by SHA-256. */
  photoBlobs: PhotoBlob[];
}

function count(name: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`scale.${name} must be a whole number ≥ 0`);
  return value;
}

export async function generateCampaign(options: CampaignOptions): Promise<Campaign> {
  const ctx = createContext(options.seed ?? DEFAULT_SEED, options.today);
  const projectCount = count('projects', options.scale?.projects) ?? NAMED_PROJECTS.length;
  const visitCount = count('visits', options.scale?.visits);
  const issueCount = count('issues', options.scale?.issues);
  const photoCount = count('photos', options.scale?.photos) ?? DEFAULT_PHOTO_COUNT;
  const fullHistories = count('fullHistories', options.scale?.fullHistories) ?? FULL_HISTORY_LIMIT;
  const photoSize = options.photoSize ?? { width: 640, height: 480 };
  const encoder = options.jpegEncoder ?? jpegJsEncoder;

  const named = namedSpecs(projectCount);
  const enterprises = named
    .filter((s) => s.enterpriseOwner === true)
    .map((s) => ({ projectKey: s.key, name: s.owner, placeKey: s.placeKey }));
  const org = buildOrganization(ctx, enterprises, projectCount > named.length ? SITE_REP_POOL : 0);
  const projects = buildProjects(ctx, org, projectCount);

  // Signature images of everyone who may sign a visit: team leaders and site representatives.
  const signers = new Map<string, string>();
  const signerIds = [...org.teams.map((t) => t.team.leaderId), ...projects.map((p) => p.siteRep.id)];
  const signatureBlobs: PhotoBlob[] = [];
  const signatureBasis = ctx.rng.fork('signatures').uint32();
  for (const id of signerIds) {
    if (id === null || signers.has(id)) continue;
    const bytes = await encodeSignatureImage(encoder, hashString(id, signatureBasis));
    const sha256 = await sha256Hex(bytes);
    signers.set(id, sha256);
    signatureBlobs.push({ sha256, mimeType: 'image/jpeg', bytes });
  }
  const visits = buildVisits(ctx, org, projects, visitCount, (id) => signers.get(id) ?? '');

  const templates = BUILTIN_TEMPLATES.map((t) => structuredClone(t));
  const checklists = buildChecklistResults(ctx, visits, projects, templates);
  const plans = buildIssues(ctx, org, projects, visits, checklists, issueCount, fullHistories);
  numberNotices(
    plans,
    (plan) =>
      (plan.visitIndex === null ? undefined : visits[plan.visitIndex]?.team) ?? org.teams[0] ?? never(),
  );

  const { photos, blobs } = await buildPhotos(
    ctx,
    projects,
    visits,
    plans,
    checklists,
    org.teams,
    photoCount,
    photoSize,
    encoder,
  );
  locateVisits(ctx, visits, projects, photos);

  // Only now are the events complete (evidence hashes included), so the chains can be sealed.
  const issueEvents: IssueEvent[] = [];
  for (const plan of plans) for (const event of sealChain(plan.events)) issueEvents.push(event);

  const visitAmendments = buildAmendments(ctx, visits);
  const photoAnnotations = buildAnnotations(ctx, photos);

  // The ledger row was last touched by the latest finalized visit that reported on it.
  const lastReport = new Map<string, number>();
  for (const v of visits) {
    if (v.visit.finalizedAt === null) continue;
    const at = Date.parse(v.visit.finalizedAt);
    if (at > (lastReport.get(v.visit.projectId) ?? 0)) lastReport.set(v.visit.projectId, at);
  }
  for (const { project } of projects) {
    const at = lastReport.get(project.id);
    if (at !== undefined) project.updatedAt = isoInstant(at);
  }

  const seenBlobs = new Set<string>();
  const photoBlobs = [...blobs, ...signatureBlobs].filter(
    (b) => !seenBlobs.has(b.sha256) && seenBlobs.add(b.sha256),
  );

  return {
    regions: org.regions,
    units: org.units,
    people: org.people,
    teams: org.teams.map((t) => t.team),
    projects: projects.map((p) => p.project),
    visits: visits.map((v) => v.visit),
    checklistTemplates: templates,
    checklistResults: checklists.results,
    issues: plans.map((p) => p.issue),
    issueEvents,
    photos,
    visitAmendments,
    photoAnnotations,
    targets: [
      {
        id: targetsIdOf(ctx.year),
        createdAt: isoInstant(ctx.setupMs),
        updatedAt: isoInstant(ctx.setupMs),
        year: ctx.year,
        ...defaultTargetValues(ctx.year),
      },
    ],
    photoBlobs,
  };
}

function never(): never {
  throw new Error('the sample has no teams');
}
