import { describe, expect, it } from 'vitest';
import {
  formatNoticeNumber,
  formatProvisionalNoticeNumber,
  nextNoticeNumber,
  noticeNumberStem,
  parseNoticeNumber,
  parseProvisionalNoticeNumber,
} from './notice-number';

describe('notice numbers', () => {
  it('write and read 督查〔2026〕12号', () => {
    expect(formatNoticeNumber({ prefix: '督查', year: 2026, seq: 12 })).toBe('督查〔2026〕12号');
    expect(parseNoticeNumber('督查专〔2026〕3号')).toEqual({ prefix: '督查专', year: 2026, seq: 3 });
    expect(parseNoticeNumber('督查[2026]3号')).toBeNull();
    expect(noticeNumberStem('督查', 2026)).toBe('督查〔2026〕');
  });

  it('continue after the highest of the same prefix and year, not after the count', () => {
    const given = [
      '督查〔2026〕1号',
      '督查〔2026〕9号',
      '督查〔2025〕40号',
      '督查专〔2026〕77号',
      'hand-typed',
    ];
    expect(nextNoticeNumber(given, '督查', 2026)).toEqual({ prefix: '督查', year: 2026, seq: 10 });
    expect(nextNoticeNumber(given, '督查', 2027).seq).toBe(1);
    expect(nextNoticeNumber([], '督查专', 2026).seq).toBe(1);
  });

  it("start at the team's stated next number for its year, or after the highest given when that is higher", () => {
    const given = ['督查〔2026〕1号', '督查〔2026〕9号'];
    expect(nextNoticeNumber(given, '督查', 2026, { year: 2026, next: 21 }).seq).toBe(21);
    expect(nextNoticeNumber(given, '督查', 2026, { year: 2026, next: 5 }).seq).toBe(10);
    expect(nextNoticeNumber([], '督查', 2026, { year: 2026, next: 21 }).seq).toBe(21);
    // Another year's start says nothing about this year.
    expect(nextNoticeNumber(given, '督查', 2027, { year: 2026, next: 21 }).seq).toBe(1);
  });

  it('write a provisional number with 临, which is no number of the sequence', () => {
    const text = formatProvisionalNoticeNumber({ prefix: '督查', year: 2026, seq: 3 });
    expect(text).toBe('督查〔2026〕临3号');
    expect(text.startsWith(noticeNumberStem('督查', 2026))).toBe(true);
    expect(parseProvisionalNoticeNumber(text)).toEqual({ prefix: '督查', year: 2026, seq: 3 });
    expect(parseProvisionalNoticeNumber('督查〔2026〕3号')).toBeNull();
    expect(parseNoticeNumber(text)).toBeNull();
    expect(nextNoticeNumber(['督查〔2026〕2号', text], '督查', 2026).seq).toBe(3);
  });
});
