// Marks drawn on a photo (标注): arrows, circles, rectangles and text, kept as a layer of their own
// so that the original photo is never altered. Coordinates are fractions of the photo's width and
// height (0–1), so the layer fits the thumbnail, the display copy and the original alike.
import { z } from 'zod';
import { IdSchema, RecordBase, Sha256Schema } from './common';

const Fraction = z.number().min(-0.5).max(1.5); // a mark may run a little past the edge
export const ANNOTATION_COLORS = ['#e53935', '#fdd835', '#1e88e5', '#43a047', '#ffffff', '#000000'] as const;
/** Red, as inspectors mark problems. */
export const DEFAULT_ANNOTATION_COLOR = ANNOTATION_COLORS[0];

const Style = { color: z.enum(ANNOTATION_COLORS) };

export const AnnotationShapeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('arrow'), x1: Fraction, y1: Fraction, x2: Fraction, y2: Fraction, ...Style }),
  z.object({ kind: z.literal('ellipse'), x: Fraction, y: Fraction, w: Fraction, h: Fraction, ...Style }),
  z.object({ kind: z.literal('rect'), x: Fraction, y: Fraction, w: Fraction, h: Fraction, ...Style }),
  z.object({ kind: z.literal('text'), x: Fraction, y: Fraction, text: z.string().min(1).max(200), ...Style }),
]);
export type AnnotationShape = z.infer<typeof AnnotationShapeSchema>;
export type AnnotationKind = AnnotationShape['kind'];

export const PhotoAnnotationSchema = z.object({
  ...RecordBase,
  /** The Photo record the marks belong to (one layer per photo record). */
  photoId: IdSchema,
  /** The original the marks were drawn on, to tell if the layer still fits. */
  sha256: Sha256Schema,
  shapes: z.array(AnnotationShapeSchema).max(500),
});
export type PhotoAnnotation = z.infer<typeof PhotoAnnotationSchema>;
