// Dates as a 公文's 落款 writes them when an office asks for Chinese numerals: 二〇二六年十二月七日 —
// the year digit by digit with 〇, the month and day as numbers (十二, 二十一).
const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1–99 as a Chinese number: 七, 十, 十二, 二十, 三十一. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`not a day or month: ${String(n)}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensPart = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens] ?? ''}十`;
  return `${tensPart}${ones === 0 ? '' : (DIGITS[ones] ?? '')}`;
}

/** 2026-12-07 → 二〇二六年十二月七日. */
export function chineseNumeralDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  const [, year = '', month = '', day = ''] = match;
  const yearText = [...year].map((d) => DIGITS[Number(d)] ?? '').join('');
  return `${yearText}年${chineseNumber(Number(month))}月${chineseNumber(Number(day))}日`;
}
