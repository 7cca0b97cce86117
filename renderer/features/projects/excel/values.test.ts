import { describe, expect, it } from 'vitest';
import { cleanText, decimalOf } from './cells';
import { parseAmount, parseArea, parseCount, parseDate, parseYear } from './values';

const fenOf = (value: Parameters<typeof parseAmount>[0], unit: Parameters<typeof parseAmount>[1] = 'wan') => {
  const result = parseAmount(value, unit);
  return result.ok ? result.fen : result.reason;
};

describe('amounts', () => {
  it('converts number cells exactly, without float artefacts', () => {
    expect(fenOf(3422.5)).toBe(3_422_500_000);
    expect(fenOf(0.1 + 0.2)).toBe(300_000);
    expect(fenOf(1870.45)).toBe(1_870_450_000);
    expect(fenOf(0.0001)).toBe(100); // 1 元
    expect(decimalOf(-0)).toBe('0');
  });

  it('accepts text as offices type it', () => {
    expect(fenOf('3,422.5')).toBe(3_422_500_000);
    expect(fenOf(' 3422.50 ')).toBe(3_422_500_000);
    expect(fenOf('３４２２．５')).toBe(3_422_500_000); // full-width
    expect(fenOf('835万元')).toBe(835_000_000);
    expect(fenOf('1.5亿')).toBe(15_000_000_000);
    expect(fenOf('1.23456789亿元')).toBe(fenOf('12345.6789'));
    expect(fenOf('—')).toBe(0);
    expect(fenOf(null)).toBe(0);
    expect(fenOf(undefined)).toBe(0);
  });

  it('reads the column unit: 亿元 and 元 columns', () => {
    expect(fenOf(1.5, 'yi')).toBe(15_000_000_000);
    expect(fenOf('15000', 'yuan')).toBe(1_500_000);
    expect(fenOf('0.5万', 'yuan')).toBe(500_000); // a unit in the cell wins
  });

  it('refuses what is not an amount', () => {
    expect(fenOf('12a')).toBe('invalid');
    expect(fenOf('3422,5')).toBe('invalid'); // a decimal comma would be read as 34225
    expect(fenOf('1.2345678')).toBe('invalid'); // finer than 0.01 元
    expect(fenOf(new Date())).toBe('invalid');
    expect(fenOf('-5')).toBe('negative');
    expect(fenOf(-0.5)).toBe('negative');
  });
});

describe('dates, years and counts', () => {
  it('reads dates from date cells, serial numbers and the usual texts', () => {
    const date = (v: Parameters<typeof parseDate>[0]) => {
      const r = parseDate(v);
      return r.ok ? [r.date, r.approximate] : 'invalid';
    };
    expect(date(new Date(Date.UTC(2026, 2, 1)))).toEqual(['2026-03-01', false]);
    expect(date(46082)).toEqual(['2026-03-01', false]);
    expect(date(20260301)).toEqual(['2026-03-01', false]);
    expect(date('2026/3/1')).toEqual(['2026-03-01', false]);
    expect(date('2026.3.1')).toEqual(['2026-03-01', false]);
    expect(date('2026年3月1日')).toEqual(['2026-03-01', false]);
    expect(date('2026年3月')).toEqual(['2026-03-01', true]);
    expect(date('2026年3月下旬')).toEqual(['2026-03-21', true]);
    expect(date('2026年2月底')).toEqual(['2026-02-28', true]);
    expect(date('2026-02-30')).toBe('invalid');
    expect(date('明年开工')).toBe('invalid');
  });

  it('reads plan years, households and areas', () => {
    expect(parseYear(2026)).toBe(2026);
    expect(parseYear('2026年度')).toBe(2026);
    expect(parseYear('26')).toBeNull();
    expect(parseYear(1999)).toBeNull();
    expect(parseCount('1,115户')).toBe(1115);
    expect(parseCount(590)).toBe(590);
    expect(parseCount(59.5)).toBeNull();
    expect(parseArea('45,000平方米', 1)).toBe(45000);
    expect(parseArea('4.5万平方米', 1)).toBe(45000);
    expect(parseArea('98062㎡', 1)).toBe(98062);
    expect(parseArea(9.8062, 10_000)).toBe(98062);
    expect(parseArea('新建廉租住房两栋', 1)).toBeNull();
  });

  it('joins lines broken inside a cell', () => {
    expect(cleanText('思茅区城南污水\n管网改造工程')).toBe('思茅区城南污水管网改造工程');
    expect(cleanText('Phase\r\nII')).toBe('Phase II');
    expect(cleanText('  序  号 ')).toBe('序 号');
  });
});
