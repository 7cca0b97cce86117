import { describe, expect, it } from 'vitest';
import { type Fen, parseWan } from '../domain/money';
import type { Scale } from '../domain/project';
import { annualCompletionRate, completedAreaRatio } from './investment';

const wan = (text: string): Fen => parseWan(text) as Fen;
const scale = (areaM2: number | null, completedAreaM2: number | null): { scale: Scale } => ({
  scale: { areaM2, completedAreaM2, households: null, capacity: null, landMu: null, description: '' },
});

describe('annualCompletionRate (年度投资完成率)', () => {
  it('divides completed this year by the annual plan', () => {
    // 思茅 sewage plant: 2100 万元 of a 4000 万元 plan → 2100 / 4000 = 0.525.
    expect(annualCompletionRate({ annualPlan: wan('4000'), completedThisYear: wan('2100') })).toBe(0.525);
    // 景谷 landfill: 1940 of 1600 → 1940 / 1600 = 1.2125 (over plan is shown as it is).
    expect(annualCompletionRate({ annualPlan: wan('1600'), completedThisYear: wan('1940') })).toBe(1.2125);
    // In fen: 835.0001 万元 = 835,000,100 fen of 1000 万元 = 1,000,000,000 fen → 0.8350001.
    expect(annualCompletionRate({ annualPlan: wan('1000'), completedThisYear: wan('835.0001') })).toBe(
      0.8350001,
    );
  });

  it('is null when there is no plan this year', () => {
    expect(annualCompletionRate({ annualPlan: wan('0'), completedThisYear: wan('12') })).toBeNull();
  });
});

describe('completedAreaRatio (竣工面积比例)', () => {
  it('divides completed area by planned area', () => {
    // 新领秀·东方明珠二期: 40,000 m² low-rent housing, 22,000 m² completed → 22000 / 40000 = 0.55.
    expect(completedAreaRatio(scale(40_000, 22_000))).toBe(0.55);
    // Nothing completed yet: 0 / 98062 = 0.
    expect(completedAreaRatio(scale(98_062, 0))).toBe(0);
  });

  it('is null without an area or without a completed figure', () => {
    expect(completedAreaRatio(scale(null, null))).toBeNull();
    expect(completedAreaRatio(scale(0, 0))).toBeNull();
    expect(completedAreaRatio(scale(40_000, null))).toBeNull();
  });
});
