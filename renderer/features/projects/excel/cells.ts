// Values as they come out of spreadsheet cells, and the text helpers the import shares. Issued lists
// are typed by hand in Excel or WPS: full-width digits and brackets, spaces used to align headers
// ("序  号"), line breaks inside cells, numbers stored as binary doubles. Everything that compares or
// parses cell content goes through here so that those variations are handled once.

/** One cell after reading: rich text, formulas and hyperlinks are reduced to what they show. */
export type CellValue = string | number | Date | null;

// Han characters, CJK punctuation and full-width forms: around these a line break is no space.
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * One line of display text: a line break inside a cell (Alt+Enter, used to fit a long name in a
 * narrow column) is dropped between Chinese characters and becomes a space between Latin words;
 * runs of spaces shrink to one; the ends are trimmed.
 */
export function cleanText(text: string): string {
  const joined = text.replace(
    /[ \t\u3000]*[\r\n]+[ \t\u3000]*/g,
    (match: string, offset: number, whole: string) => {
      const before = whole[offset - 1] ?? '';
      const after = whole[offset + match.length] ?? '';
      return CJK.test(before) || CJK.test(after) ? '' : ' ';
    },
  );
  return joined.replace(/[ \t\u3000]+/g, ' ').trim();
}

/**
 * A comparison key for names and labels: NFKC folds full-width letters, digits and brackets into
 * their ASCII forms, case is ignored, and all whitespace is removed ("思茅区 " = "思茅区", "（" = "(").
 */
export function normalizeKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * A number from a cell as a decimal string without binary artefacts: Excel keeps 3422.5 as a double
 * and sums such as 0.1 + 0.2 come back as 0.30000000000000004. Six decimals is the precision of
 * 万元 in fen (parseWan accepts no more), so rounding there loses nothing that can be held.
 * Null for NaN, infinities and magnitudes toFixed would write in exponent form.
 */
export function decimalOf(n: number): string | null {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return null;
  const fixed = n.toFixed(6).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

/** YYYY-MM-DD of a date cell. Excel dates have no zone; ExcelJS reads them as UTC midnight. */
export function dateOfCell(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** What a cell shows, as text: '' for empty, numbers without float artefacts, dates as YYYY-MM-DD. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return decimalOf(value) ?? String(value);
  if (value instanceof Date) return dateOfCell(value);
  return value;
}

/** A cell value quoted in a message, shortened so that one long cell does not flood the preview. */
export function quoted(value: CellValue | undefined): string {
  const text = cleanText(cellText(value));
  return `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`;
}
