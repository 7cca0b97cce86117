import { describe, expect, it } from 'vitest';
import { arrowHead, shapeFromDrag, strokeWidth, textAt } from './geometry';

const RED = '#e53935';

describe('annotation geometry', () => {
  it('turns a drag into a rectangle or circle whichever way it was dragged', () => {
    expect(shapeFromDrag('rect', { x: 0.6, y: 0.5 }, { x: 0.2, y: 0.1 }, RED)).toEqual({
      kind: 'rect',
      x: 0.2,
      y: 0.1,
      w: 0.4,
      h: 0.4,
      color: RED,
    });
    expect(shapeFromDrag('ellipse', { x: 0.1, y: 0.1 }, { x: 0.3, y: 0.2 }, RED)).toMatchObject({
      kind: 'ellipse',
      w: 0.2,
      h: 0.1,
    });
  });

  it('keeps an arrow’s direction and keeps every mark on the photo', () => {
    expect(shapeFromDrag('arrow', { x: 0.9, y: 0.9 }, { x: 1.4, y: -0.2 }, RED)).toEqual({
      kind: 'arrow',
      x1: 0.9,
      y1: 0.9,
      x2: 1,
      y2: 0,
      color: RED,
    });
  });

  it('ignores slips: a click without a drag makes no mark, nor does blank text', () => {
    expect(shapeFromDrag('arrow', { x: 0.5, y: 0.5 }, { x: 0.503, y: 0.5 }, RED)).toBeNull();
    expect(shapeFromDrag('rect', { x: 0.5, y: 0.5 }, { x: 0.505, y: 0.505 }, RED)).toBeNull();
    expect(textAt({ x: 0.5, y: 0.5 }, '   ', RED)).toBeNull();
    expect(textAt({ x: 0.5, y: 0.5 }, ' 围挡缺口 ', RED)).toEqual({
      kind: 'text',
      x: 0.5,
      y: 0.5,
      text: '围挡缺口',
      color: RED,
    });
  });

  it('draws lines thick enough to see at any size, and arrow heads that point along the arrow', () => {
    expect(strokeWidth(120, 90)).toBe(2);
    expect(strokeWidth(4000, 3000)).toBe(24);
    const [a, b] = arrowHead(0, 0, 100, 0, 10);
    expect(a.x).toBeLessThan(100);
    expect(b.x).toBeLessThan(100);
    expect(a.y).toBeCloseTo(-b.y);
  });
});
