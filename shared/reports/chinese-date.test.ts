import { describe, expect, it } from 'vitest';
import { chineseNumber, chineseNumeralDate } from './chinese-date';

describe('dates in Chinese numerals, as a 落款 writes them', () => {
  it('writes the year digit by digit and the month and day as numbers', () => {
    expect(chineseNumeralDate('2026-12-07')).toBe('二〇二六年十二月七日');
    expect(chineseNumeralDate('2030-01-10')).toBe('二〇三〇年一月十日');
    expect(chineseNumeralDate('2026-10-21')).toBe('二〇二六年十月二十一日');
    expect(chineseNumeralDate('2027-02-30'.replace('30', '20'))).toBe('二〇二七年二月二十日');
    expect(chineseNumeralDate('2026-03-31')).toBe('二〇二六年三月三十一日');
  });

  it('numbers 1–99 and refuses what is no day or month', () => {
    expect([1, 9, 10, 11, 19, 20, 22, 31].map(chineseNumber)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十二',
      '三十一',
    ]);
    expect(() => chineseNumber(0)).toThrow(RangeError);
    expect(() => chineseNumeralDate('7 Dec 2026')).toThrow(RangeError);
  });
});
