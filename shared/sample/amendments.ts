// The sample's corrections and marks: one finalized visit amended after sign-off (the site's count
// of workers had left out a subcontractor's crew), and red marks drawn on the first photo of a
// problem, so the history and annotation views have something to show on first run.
import type { Photo } from '../domain/photo';
import type { PhotoAnnotation } from '../domain/photo-annotation';
import type { VisitAmendment } from '../domain/visit-amendment';
import { amendmentChain } from '../history/amendment-chain';
import type { GenContext } from './context';
import { isoInstant } from './dates';
import type { VisitInfo } from './visits';

const HOUR = 3_600_000;

export function buildAmendments(ctx: GenContext, visits: readonly VisitInfo[]): VisitAmendment[] {
  const target = visits.find((v) => v.visit.status === 'finalized' && v.visit.workersOnSite !== null);
  const finalizedAt = target?.visit.finalizedAt;
  if (!target || !finalizedAt) return [];
  const at = Math.min(Date.parse(finalizedAt) + 20 * HOUR, ctx.nowMs);
  const before = target.visit.workersOnSite ?? 0;
  const after = before + 12;
  const atIso = isoInstant(at);
  const amendment: VisitAmendment = {
    id: ctx.ids('visitAmendments')(at),
    createdAt: atIso,
    updatedAt: atIso,
    visitId: target.visit.id,
    seq: 0,
    actorName: '督查组',
    at: atIso,
    reason: '现场人数漏记了分包单位的12名施工人员，经施工日志核实后更正。',
    changes: [{ field: 'workersOnSite', before, after }],
    prevHash: null,
    hash: '',
  };
  target.visit.workersOnSite = after;
  target.visit.updatedAt = atIso;
  return amendmentChain.sealChain([amendment]);
}

export function buildAnnotations(ctx: GenContext, photos: readonly Photo[]): PhotoAnnotation[] {
  const photo = photos.find((p) => p.issueId !== null) ?? photos[0];
  if (!photo) return [];
  const at = Math.min(Date.parse(photo.createdAt) + HOUR, ctx.nowMs);
  const atIso = isoInstant(Math.max(at, Date.parse(photo.createdAt)));
  return [
    {
      id: ctx.ids('photoAnnotations')(Date.parse(atIso)),
      createdAt: atIso,
      updatedAt: atIso,
      photoId: photo.id,
      sha256: photo.sha256,
      shapes: [
        { kind: 'ellipse', x: 0.38, y: 0.42, w: 0.26, h: 0.22, color: '#e53935' },
        { kind: 'arrow', x1: 0.12, y1: 0.15, x2: 0.36, y2: 0.42, color: '#e53935' },
        { kind: 'text', x: 0.06, y: 0.1, text: '问题部位', color: '#e53935' },
      ],
    },
  ];
}
