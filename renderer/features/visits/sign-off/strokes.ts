// The ink of a signature pad: strokes of points in CSS pixels with the pen's pressure, and how they
// are drawn. Kept apart from the component so that redrawing (after undo, or at another pixel
// density) and the line widths are plain functions.

export interface InkPoint {
  x: number;
  y: number;
  /** 0–1; a mouse reports 0.5 while a button is down, a pen its real pressure. */
  pressure: number;
}
export type Stroke = InkPoint[];

const BASE_WIDTH = 2.6;

/** Pen pressure widens the line a little, as ink would; mouse and touch draw at the base width. */
export const lineWidth = (pressure: number): number =>
  BASE_WIDTH * (0.6 + 0.8 * Math.min(1, Math.max(0, pressure || 0.5)));

export const hasInk = (strokes: readonly Stroke[]): boolean => strokes.some((s) => s.length > 0);

/** Draws the strokes on a context already scaled to CSS pixels, in dark blue-black ink. */
export function drawStrokes(ctx: CanvasRenderingContext2D, strokes: readonly Stroke[]): void {
  ctx.strokeStyle = '#0d1b4c';
  ctx.fillStyle = '#0d1b4c';
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const stroke of strokes) {
    const [first] = stroke;
    if (!first) continue;
    if (stroke.length === 1) {
      // A tap leaves a dot.
      ctx.beginPath();
      ctx.arc(first.x, first.y, lineWidth(first.pressure) / 2, 0, Math.PI * 2);
      ctx.fill();
      continue;
    }
    for (let i = 1; i < stroke.length; i++) {
      const a = stroke[i - 1];
      const b = stroke[i];
      if (!a || !b) continue;
      ctx.beginPath();
      ctx.lineWidth = lineWidth((a.pressure + b.pressure) / 2);
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
      ctx.stroke();
    }
  }
}
