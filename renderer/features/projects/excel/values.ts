// Parsing the ledger's amounts, dates and counts out of cells. Money never passes through a float:
// a number cell is first written as a decimal string (decimalOf), then parsed into fen the same way
// typed text is (parseWan / parseYuan), so 3422.5 in a cell is exactly 3,422,500,000 fen.
import { type Fen, parseWan, parseYuan } from '../../../../shared/domain/money';
import { type CellValue, dateOfCell, decimalOf, normalizeKey } from './cells';
import type { MoneyUnit } from './columns';

/** Marks offices put in a cell that has nothing to report. */
const BLANK_MARKS = new Set(['-', '--', '—', '——', '–', '/', '无', '暂无']);

/** True for an empty cell and for "—", "/", "无" and the like. */
export function isBlank(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  const key = normalizeKey(value);
  return key === '' || BLANK_MARKS.has(key);
}

export type AmountResult = { ok: true; fen: Fen } | { ok: false; reason: 'invalid' | 'negative' };

// Digits with an optional decimal part; commas only as thousands separators, so "3422,5" (a
// decimal comma) is refused instead of becoming 34225.
const DECIMAL = /^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/;
const UNIT_SUFFIX = /(亿元|亿|万元|万|元)$/;

/** Moves the decimal point `places` to the right in a plain decimal string ("1.5" → "15000" for 4). */
function shiftRight(text: string, places: number): string {
  const negative = text.startsWith('-');
  const [whole = '0', frac = ''] = (negative ? text.slice(1) : text).split('.');
  const moved = whole + frac.slice(0, places).padEnd(places, '0');
  const rest = frac.slice(places);
  return `${negative ? '-' : ''}${moved}${rest === '' ? '' : `.${rest}`}`;
}

/**
 * An amount in the column's unit (万元 unless the header says otherwise; a unit written in the cell,
 * "835万元" or "1.5亿", wins) as fen. Blank is 0: a list issued at the start of the year has no
 * completed amounts yet.
 */
export function parseAmount(value: CellValue | undefined, columnUnit: MoneyUnit): AmountResult {
  if (isBlank(value)) return { ok: true, fen: 0 as Fen };
  if (value instanceof Date) return { ok: false, reason: 'invalid' };
  let text = typeof value === 'number' ? decimalOf(value) : normalizeKey(value as string);
  if (text === null) return { ok: false, reason: 'invalid' };
  let unit = columnUnit;
  const suffix = UNIT_SUFFIX.exec(text);
  if (suffix) {
    unit = suffix[1]?.startsWith('亿') ? 'yi' : suffix[1]?.startsWith('万') ? 'wan' : 'yuan';
    text = text.slice(0, -(suffix[1] as string).length);
  }
  if (!DECIMAL.test(text)) return { ok: false, reason: 'invalid' };
  text = text.replace(/,/g, '');
  const fen =
    unit === 'wan' ? parseWan(text) : unit === 'yi' ? parseWan(shiftRight(text, 4)) : parseYuan(text);
  if (fen === null || !Number.isSafeInteger(fen)) return { ok: false, reason: 'invalid' };
  if (fen < 0) return { ok: false, reason: 'negative' };
  return { ok: true, fen: (fen === 0 ? 0 : fen) as Fen }; // no -0
}

export type DateResult = { ok: true; date: string; approximate: boolean } | { ok: false };

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system (it counts the non-existent 1900-02-29, hence the 30th). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function calendarDate(y: number, m: number, d: number): string | null {
  const ms = Date.UTC(y, m - 1, d);
  const date = new Date(ms);
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return dateOfCell(date);
}

const FULL_DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
// "2026年3月", "2026-03", "2026年3月下旬": plans are often set by month or by 旬 (10-day period).
const MONTH = /^(\d{4})[-/.年](\d{1,2})月?份?(上旬|中旬|下旬|初|底|末)?$/;

/**
 * A date from a date cell, an Excel serial number, or text such as 2026-03-01, 2026/3/1, 2026.3.1,
 * 2026年3月1日 or 20260301. A month ("2026年3月") or a 旬 ("3月下旬") gives its first day (the
 * month's last for 底/末) and is flagged approximate.
 */
export function parseDate(value: CellValue | undefined): DateResult {
  if (value instanceof Date) return { ok: true, date: dateOfCell(value), approximate: false };
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 19_000_101 && value <= 21_001_231) {
      return parseDate(String(value));
    }
    if (value < 1 || value > 2_958_465) return { ok: false };
    const date = dateOfCell(new Date(EXCEL_EPOCH + Math.floor(value) * DAY_MS));
    return { ok: true, date, approximate: false };
  }
  const text = normalizeKey(value ?? '');
  const full = FULL_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (full) {
    const date = calendarDate(Number(full[1]), Number(full[2]), Number(full[3]));
    return date === null ? { ok: false } : { ok: true, date, approximate: false };
  }
  const month = MONTH.exec(text);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    const part = month[3];
    let date: string | null;
    // Day 0 of the next month is the last day of this one.
    if (part === '底' || part === '末')
      date = calendarDate(y, m, 1) && dateOfCell(new Date(Date.UTC(y, m, 0)));
    else date = calendarDate(y, m, part === '中旬' ? 11 : part === '下旬' ? 21 : 1);
    return date ? { ok: true, date, approximate: true } : { ok: false };
  }
  return { ok: false };
}

/** A plan year: 2026, "2026", "2026年", "2026年度", or a date cell's year; 2000–2100. */
export function parseYear(value: CellValue | undefined): number | null {
  let year: number | null = null;
  if (value instanceof Date) year = value.getUTCFullYear();
  else if (typeof value === 'number') year = Number.isInteger(value) ? value : null;
  else if (typeof value === 'string') {
    const m = /^(\d{4})年?度?$/.exec(normalizeKey(value));
    year = m ? Number(m[1]) : null;
  }
  return year !== null && year >= 2000 && year <= 2100 ? year : null;
}

/** A whole number of households: 900, "900户", "1,115套"; null if not a non-negative integer. */
export function parseCount(value: CellValue | undefined): number | null {
  let text: string | null;
  if (typeof value === 'number') text = decimalOf(value);
  else if (typeof value === 'string') text = normalizeKey(value).replace(/(户|套|户\/套|套\/户)$/, '');
  else return null;
  if (text === null || !/^(\d+|\d{1,3}(,\d{3})+)$/.test(text)) return null;
  const n = Number(text.replace(/,/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * An area in square metres: 45000, "45,000平方米", "4.5万平方米", "45000㎡"; `factor` is the
 * column's (10,000 under a 万平方米 header). Null if the cell is not a plain area.
 */
export function parseArea(value: CellValue | undefined, factor: number): number | null {
  let text: string | null;
  let scale = factor;
  if (typeof value === 'number') text = decimalOf(value);
  else if (typeof value === 'string') {
    text = normalizeKey(value); // ㎡ → m2
    const unit = /(万)?(平方米|平米|m2)$/.exec(text);
    if (unit) {
      scale = unit[1] ? 10_000 : 1;
      text = text.slice(0, -unit[0].length);
    }
  } else return null;
  if (text === null || !DECIMAL.test(text) || text.startsWith('-')) return null;
  // Areas are not money: a float is fine, rounded to 0.01 m² so 4.5 × 10,000 shows as 45000.
  return Math.round(Number(text.replace(/,/g, '')) * scale * 100) / 100;
}
