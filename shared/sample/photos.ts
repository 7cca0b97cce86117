// Photos of the sample: real JPEGs with EXIF, taken on the visits (site views), at the moment a problem
// was found (整改前) and by the unit when it reports the fix (整改后, the same spot with the heap covered
// and the fence closed). The photo records point to their visit and issue; the issue events carry the
// hashes as evidence; a visit's location comes from its first photo's GPS.
import { DUST_CONTROL_TEMPLATE_KEY } from '../checklists/builtin-templates';
import type { Photo } from '../domain/photo';
import type { JpegEncoder } from '../photos/jpeg-encode';
import { encodeSamplePhoto } from '../photos/sample-photo';
import { sha256Hex } from '../crypto/sha256';
import type { ChecklistResults } from './checklist-results';
import type { GenContext } from './context';
import {
  CHINA_OFFSET,
  chinaMs,
  chinaWallClock,
  fromWorkingMinutes,
  isoInstant,
  workingMinutes,
} from './dates';
import type { IssuePlan } from './issues';
import type { TeamInfo } from './organization';
import type { ProjectInfo } from './projects';
import { CAMERAS } from './texts';
import type { VisitInfo } from './visits';

export const DEFAULT_PHOTO_COUNT = 36;
const MINUTE = 60_000;

export interface PhotoBlob {
  sha256: string;
  mimeType: 'image/jpeg';
  bytes: Uint8Array;
}

interface PhotoSpec {
  projectIndex: number;
  visitIndex: number | null;
  plan: IssuePlan | null;
  /** 'before' and 'after' photos of one issue share a scene; 'after' shows it rectified. */
  role: 'site' | 'before' | 'after';
  takenMs: number;
  createdMs: number;
  sceneSeed: number;
  camera: Camera;
}

type Camera = { make: string; model: string };
const FALLBACK_CAMERA: Camera = { make: 'Canon', model: 'Canon PowerShot SX740 HS' };

export interface PhotoSet {
  photos: Photo[];
  blobs: PhotoBlob[];
}

export async function buildPhotos(
  ctx: GenContext,
  projects: readonly ProjectInfo[],
  visits: readonly VisitInfo[],
  plans: readonly IssuePlan[],
  checklists: ChecklistResults,
  teams: readonly TeamInfo[],
  count: number,
  size: { width: number; height: number },
  encoder: JpegEncoder,
): Promise<PhotoSet> {
  const rng = ctx.rng.fork('photos');
  const photoId = ctx.ids('photos');
  const specs: PhotoSpec[] = [];
  // Each team has its camera; units send in phone photos.
  const teamCamera = (v: VisitInfo): Camera =>
    CAMERAS[Math.max(0, teams.indexOf(v.team)) % 2] ?? FALLBACK_CAMERA;

  // 40% of the photos are before/after pairs of reported rectifications, 20% before-only issue photos.
  const withVisit = rng.shuffle(plans.filter((p) => p.visitIndex !== null));
  const pairs = withVisit.filter((p) => p.reportIndex !== null).slice(0, Math.floor((count * 0.4) / 2));
  const paired = new Set(pairs);
  const befores = withVisit.filter((p) => !paired.has(p)).slice(0, Math.floor(count * 0.2));
  for (const plan of [...pairs, ...befores]) {
    const v = visits[plan.visitIndex ?? -1];
    const created = plan.events[0];
    if (!v || !created) continue;
    const sceneSeed = rng.uint32();
    const createdMs = Date.parse(created.at); // attached when the issue was entered
    const takenMs = Math.max(v.startMs, plan.foundMs - MINUTE * rng.int(5, 15)) + 1000 * rng.int(0, 59);
    specs.push({
      projectIndex: plan.projectIndex,
      visitIndex: plan.visitIndex,
      plan,
      role: 'before',
      takenMs: Math.min(takenMs, plan.foundMs),
      createdMs,
      sceneSeed,
      camera: teamCamera(v),
    });
    if (paired.has(plan) && plan.reportIndex !== null) {
      const report = Date.parse(plan.events[plan.reportIndex]?.at ?? created.at);
      const previous = Date.parse(plan.events[plan.reportIndex - 1]?.at ?? created.at);
      // Taken in office hours before the report, after the step before it; whole seconds, as EXIF.
      const span = Math.floor((workingMinutes(report) - workingMinutes(previous)) / 2);
      const takenMs = fromWorkingMinutes(
        workingMinutes(report) - rng.int(1, Math.max(1, Math.min(300, span))),
      );
      specs.push({
        projectIndex: plan.projectIndex,
        visitIndex: null,
        plan,
        role: 'after',
        takenMs: Math.floor(takenMs / 1000) * 1000 - 1000 * rng.int(0, 59),
        createdMs: report,
        sceneSeed,
        camera: rng.pick(CAMERAS.slice(1)),
      });
    }
  }

  // The rest are site views taken on visits, one per visit in turn.
  const order = rng.shuffle(visits.map((_, i) => i));
  for (let k = 0; specs.length < count; k++) {
    const visitIndex = order.length > 0 ? order[k % order.length] : undefined;
    const v = visitIndex === undefined ? undefined : visits[visitIndex];
    if (v === undefined) {
      // No visits at all: photos sent in for the projects, on days before today.
      if (projects.length === 0) break;
      const takenMs =
        chinaMs(ctx.todayDay - rng.int(1, 56), 9 * 60 + rng.int(0, 480)) + 1000 * rng.int(0, 59);
      specs.push({
        projectIndex: rng.int(0, projects.length - 1),
        visitIndex: null,
        plan: null,
        role: 'site',
        takenMs,
        createdMs: takenMs + 30 * MINUTE,
        sceneSeed: rng.uint32(),
        camera: rng.pick(CAMERAS),
      });
      continue;
    }
    const takenMs = Math.min(v.startMs + MINUTE * rng.int(5, 100), v.endMs) + 1000 * rng.int(0, 59);
    specs.push({
      projectIndex: v.projectIndex,
      visitIndex: visitIndex ?? null,
      plan: null,
      role: 'site',
      takenMs,
      createdMs: Math.min(Math.max(v.endMs, takenMs + 30 * MINUTE), ctx.nowMs),
      sceneSeed: rng.uint32(),
      camera: teamCamera(v),
    });
  }

  const photos: Photo[] = [];
  const blobs: PhotoBlob[] = [];
  const seen = new Set<string>();
  for (const spec of specs.slice(0, count)) {
    const info = projects[spec.projectIndex];
    if (!info) continue;
    const gps = {
      lat: Math.round((info.location.lat + rng.float(-0.0008, 0.0008)) * 1e6) / 1e6,
      lng: Math.round((info.location.lng + rng.float(-0.0008, 0.0008)) * 1e6) / 1e6,
      altitude: info.location.altitude + rng.int(-5, 5),
    };
    const wall = chinaWallClock(spec.takenMs);
    const { bytes, width, height } = await encodeSamplePhoto(encoder, {
      seed: spec.sceneSeed,
      width: size.width,
      height: size.height,
      rectified: spec.role === 'after',
      camera: spec.camera,
      localDateTime: `${wall.date}T${wall.hhmmss}`,
      offset: CHINA_OFFSET,
      gps,
    });
    const sha256 = await sha256Hex(bytes);
    if (!seen.has(sha256)) {
      seen.add(sha256);
      blobs.push({ sha256, mimeType: 'image/jpeg', bytes });
    }
    const dust =
      spec.visitIndex === null
        ? undefined
        : checklists.byVisit.get(spec.visitIndex)?.get(DUST_CONTROL_TEMPLATE_KEY);
    const onChecklist = spec.role === 'site' && dust !== undefined;
    const title = spec.plan?.issue.title ?? '';
    const caption =
      spec.role === 'before'
        ? `${title}（整改前）`
        : spec.role === 'after'
          ? `${title}（整改后）`
          : `${info.project.name}施工现场`;
    photos.push({
      id: photoId(spec.createdMs),
      createdAt: isoInstant(spec.createdMs),
      updatedAt: isoInstant(spec.createdMs),
      sha256,
      fileName: `IMG_${wall.date.replaceAll('-', '')}_${wall.hhmmss.replaceAll(':', '')}.jpg`,
      mimeType: 'image/jpeg',
      byteLength: bytes.length,
      width,
      height,
      takenAt: isoInstant(spec.takenMs),
      gps,
      camera: spec.camera.model.startsWith(spec.camera.make)
        ? spec.camera.model
        : `${spec.camera.make} ${spec.camera.model}`,
      orientation: 1,
      caption: caption.slice(0, 500),
      projectId: info.project.id,
      visitId: spec.visitIndex === null ? null : (visits[spec.visitIndex]?.visit.id ?? null),
      issueId: spec.plan?.issue.id ?? null,
      checklistItemId: onChecklist ? 'sitePhoto' : null,
    });

    // Link the photo where it is evidence or an answer.
    if (spec.plan) {
      const event = spec.plan.events[spec.role === 'after' ? (spec.plan.reportIndex ?? 0) : 0];
      event?.evidencePhotoSha256.push(sha256);
    }
    if (onChecklist) {
      const answer = dust.answers.sitePhoto;
      if (answer?.kind === 'photo') answer.value.push(sha256);
    }
  }
  return { photos, blobs };
}

/** A visit's location: its first photo's GPS, else (often) coordinates typed in, else none. */
export function locateVisits(
  ctx: GenContext,
  visits: readonly VisitInfo[],
  projects: readonly ProjectInfo[],
  photos: readonly Photo[],
): void {
  const rng = ctx.rng.fork('locations');
  const firstPhoto = new Map<string, Photo>();
  for (const p of photos) {
    if (p.visitId === null || p.gps === null) continue;
    const current = firstPhoto.get(p.visitId);
    if (!current || (p.takenAt ?? '') < (current.takenAt ?? '')) firstPhoto.set(p.visitId, p);
  }
  for (const v of visits) {
    const photo = firstPhoto.get(v.visit.id);
    const typed = rng.chance(0.5);
    if (photo?.gps) {
      v.visit.location = { ...photo.gps, source: 'photo' };
    } else if (typed) {
      const at = projects[v.projectIndex]?.location;
      if (at)
        v.visit.location = {
          lat: Math.round(at.lat * 1e5) / 1e5,
          lng: Math.round(at.lng * 1e5) / 1e5,
          source: 'typed',
        };
    }
  }
}
