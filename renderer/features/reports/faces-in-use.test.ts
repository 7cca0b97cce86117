import { describe, expect, it } from 'vitest';
import { faceInUse, facesInUse, installed, type Measure } from './faces-in-use';

/** A laptop with these faces: a face it has widens the text; a missing one falls through unchanged. */
const laptopWith =
  (...faces: string[]): Measure =>
  (font, text) => {
    const named = /^40px '([^']+)', /.exec(font)?.[1];
    return text.length * 10 + (named !== undefined && faces.includes(named) ? 3 : 0);
  };

describe('the faces a document gets on this laptop', () => {
  it('takes the first office face installed, in the order offices name them', () => {
    const measure = laptopWith('仿宋', '黑体', '华文中宋');
    expect(installed('仿宋', measure)).toBe(true);
    expect(installed('仿宋_GB2312', measure)).toBe(false);
    expect(faceInUse('body', measure)).toEqual({ name: '仿宋', shipped: false, standsInFor: '仿宋_GB2312' });
    expect(faceInUse('title', measure)).toMatchObject({ name: '华文中宋', shipped: false });
    expect(faceInUse('heading', measure)).toMatchObject({ name: '黑体', shipped: false });
  });

  it('falls back to the shipped face, saying which office face it stands in for', () => {
    const faces = facesInUse(laptopWith());
    expect(faces.body).toEqual({ name: 'Noto Serif SC', shipped: true, standsInFor: '仿宋_GB2312' });
    expect(faces.title).toEqual({ name: 'Noto Serif SC', shipped: true, standsInFor: '方正小标宋简体' });
    expect(faces.heading).toEqual({ name: 'Noto Sans SC', shipped: true, standsInFor: '黑体' });
    expect(faces.subheading).toEqual({ name: 'LXGW WenKai', shipped: true, standsInFor: '楷体_GB2312' });
  });

  it('says shipped where nothing can measure (no canvas)', () => {
    expect(faceInUse('body', () => null)).toMatchObject({ shipped: true });
  });
});
