// Which face each part of a document gets on this laptop: the first of the office's faces installed
// here (仿宋_GB2312 on Windows, UOS and Kylin), else the open face the app ships. A page cannot list
// the system's fonts, but it can tell whether one is there: text set in "<face>, monospace" measures
// the same as in monospace alone exactly when the face is missing, and the browser fell through to
// the fallback. The print is made on the same laptop with the same fonts, so this is what it embeds.
import { FACES, type FaceRole } from '../../../shared/reports/faces';

/** The width of `text` in `font` (a CSS font shorthand), or null where nothing can measure. */
export type Measure = (font: string, text: string) => number | null;

/** Chinese and Latin both: a face with only one of them still shows. */
const PROBE = '督查整改通知书永 mwiWMIl10';
const FALLBACKS = ['monospace', 'serif', 'sans-serif'] as const;

let context: OffscreenCanvasRenderingContext2D | null | undefined;

export const canvasMeasure: Measure = (font, text) => {
  if (context === undefined)
    context = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
  if (!context) return null;
  context.font = font;
  return context.measureText(text).width;
};

const quoted = (name: string) => `'${name.replace(/'/g, "\\'")}'`;

/** Whether the system has `name`: its text measures unlike each generic fallback's. */
export function installed(name: string, measure: Measure = canvasMeasure): boolean {
  return FALLBACKS.some((fallback) => {
    const alone = measure(`40px ${fallback}`, PROBE);
    const withFace = measure(`40px ${quoted(name)}, ${fallback}`, PROBE);
    return alone !== null && withFace !== null && Math.abs(alone - withFace) > 0.01;
  });
}

export interface FaceInUse {
  /** The face's name: the office's, or the shipped one's. */
  readonly name: string;
  /** True when it is the app's own open face, standing in for the office's. */
  readonly shipped: boolean;
  /** The office's usual face it stands in for (shipped faces only). */
  readonly standsInFor: string;
}

export function faceInUse(role: FaceRole, measure: Measure = canvasMeasure): FaceInUse {
  const face = FACES[role];
  const standsInFor = face.office[0] ?? '';
  const local = face.office.find((name) => installed(name, measure));
  return local === undefined
    ? { name: face.bundled, shipped: true, standsInFor }
    : { name: local, shipped: false, standsInFor };
}

export const ROLES: readonly FaceRole[] = ['body', 'title', 'heading', 'subheading'];

export const facesInUse = (measure: Measure = canvasMeasure): Record<FaceRole, FaceInUse> =>
  Object.fromEntries(ROLES.map((role) => [role, faceInUse(role, measure)])) as Record<FaceRole, FaceInUse>;
