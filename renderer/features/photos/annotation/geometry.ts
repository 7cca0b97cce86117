// From a drag on the photo to a mark, in fractions of the photo's width and height, and the few
// measures the layer is drawn with. Pure, so the rules (tiny drags are not marks, marks stay on the
// photo) are tested without a browser.
import type { AnnotationKind, AnnotationShape } from '../../../../shared/domain/photo-annotation';

export interface Point {
  x: number;
  y: number;
}

/** A drag shorter than this (a fraction of the photo) is a slip, not a mark. */
const MIN_SIZE = 0.01;

const clamp = (v: number) => Math.min(1, Math.max(0, v));
const round = (v: number) => Math.round(v * 10_000) / 10_000;
const at = (p: Point): Point => ({ x: round(clamp(p.x)), y: round(clamp(p.y)) });

export function shapeFromDrag(
  kind: Exclude<AnnotationKind, 'text'>,
  from: Point,
  to: Point,
  color: AnnotationShape['color'],
): AnnotationShape | null {
  const a = at(from);
  const b = at(to);
  if (kind === 'arrow') {
    if (Math.hypot(b.x - a.x, b.y - a.y) < MIN_SIZE) return null;
    return { kind, x1: a.x, y1: a.y, x2: b.x, y2: b.y, color };
  }
  const w = round(Math.abs(b.x - a.x));
  const h = round(Math.abs(b.y - a.y));
  if (w < MIN_SIZE && h < MIN_SIZE) return null;
  return { kind, x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w, h, color };
}

export function textAt(point: Point, text: string, color: AnnotationShape['color']): AnnotationShape | null {
  const trimmed = text.trim().slice(0, 200);
  if (trimmed === '') return null;
  const p = at(point);
  return { kind: 'text', x: p.x, y: p.y, text: trimmed, color };
}

/** Line width in pixels for a layer drawn at this size: visible on a thumbnail and on a full photo. */
export const strokeWidth = (width: number, height: number): number =>
  Math.max(2, Math.min(width, height) * 0.008);

/** The two barbs of an arrow's head at (x2, y2), in pixels. */
export function arrowHead(x1: number, y1: number, x2: number, y2: number, size: number): [Point, Point] {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const spread = Math.PI / 7;
  return [
    { x: x2 - size * Math.cos(angle - spread), y: y2 - size * Math.sin(angle - spread) },
    { x: x2 - size * Math.cos(angle + spread), y: y2 - size * Math.sin(angle + spread) },
  ];
}
