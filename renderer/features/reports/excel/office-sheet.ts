// A worksheet laid out as supervision offices file and print their tables: a title row across the
// table, a two-row header (a column on its own merged down, a group's name merged across its columns,
// units in the header texts), thin borders, 宋体, a number format per kind of column, the header frozen
// and repeated on every printed page, A4 landscape fitted to the page width, a bold 合计 row and a note
// under the table. The project ledger, the issue ledger and the bulletin's tables all use it.
//
// Styles are shared: every cell gets one of a few frozen style objects (one per kind of column, weight
// and fill) instead of objects of its own. A 200,000-row ledger has millions of cells, and ExcelJS
// also recognises a style it has written before by the object's identity, so sharing saves memory and
// time twice. The price: never style a cell through its setters (cell.font = …), which would change the
// shared object and so every cell that has it.
import type ExcelJS from 'exceljs';

/** How a column's cells are aligned and which number format they get. */
export type ColumnKind = 'index' | 'text' | 'wide' | 'center' | 'count' | 'money' | 'rate' | 'date';

export interface OfficeColumn {
  /** The header text, with its unit where it has one of its own ("逾期天数（天）"). */
  header: string;
  /** The group header above it; without one the header is merged down over both header rows. */
  group?: string;
  /** In characters, as Excel counts column widths. */
  width: number;
  kind: ColumnKind;
  /** Data cells filled by what they say (ARGB by text), e.g. the colour card's 红, 黄 and 绿. */
  fills?: Readonly<Record<string, string>>;
}

export interface OfficeTotals {
  /** One value per column, the label ("合计 …") first. */
  values: readonly ExcelJS.CellValue[];
  /** How many columns from the first the label is merged across; 1 (the default) merges nothing. */
  labelColumns?: number;
}

export interface OfficeSheetSpec {
  /** The sheet's tab name (at most 31 characters, none of : \ / ? * [ ]). */
  name: string;
  title: string;
  columns: readonly OfficeColumn[];
  /** The data rows, one value per column; an iterable so that a long table need not exist twice. */
  rows: Iterable<readonly ExcelJS.CellValue[]>;
  /** The 合计 row under the data; none for a table that has nothing to add up. */
  totals?: OfficeTotals;
  /** A line under the table across all columns (a rule, a remark), wrapped. */
  note?: string;
  /** Columns kept in view when scrolling sideways (序号 and the name); none by default. */
  frozenColumns?: number;
}

export const TITLE_ROW = 1;
export const HEADER_ROWS = [2, 3] as const;
export const FIRST_DATA_ROW = 4;
const LAST_HEADER_ROW = HEADER_ROWS[1];

// 宋体 with the GB2312 charset is what Excel and WPS on a Chinese Windows expect for official tables;
// where it is missing they substitute their own song typeface.
const FONT: Partial<ExcelJS.Font> = Object.freeze({ name: '宋体', size: 11, charset: 134 });
const BOLD: Partial<ExcelJS.Font> = Object.freeze({ ...FONT, bold: true });
const THIN_LINE: Partial<ExcelJS.Border> = Object.freeze({ style: 'thin' });
const THIN: Partial<ExcelJS.Borders> = Object.freeze({
  top: THIN_LINE,
  left: THIN_LINE,
  bottom: THIN_LINE,
  right: THIN_LINE,
});
const NUM_FMT: Readonly<Partial<Record<ColumnKind, string>>> = {
  count: '0',
  money: '#,##0.00',
  rate: '0.0%',
  date: 'yyyy-mm-dd',
};
const HORIZONTAL: Readonly<Record<ColumnKind, ExcelJS.Alignment['horizontal']>> = {
  index: 'center',
  center: 'center',
  date: 'center',
  count: 'right',
  money: 'right',
  rate: 'right',
  text: 'left',
  wide: 'left',
};
const HEADER_FILL_ARGB = 'FFF2F2F2';

type Style = Readonly<Partial<ExcelJS.Style>>;

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

const styles = new Map<string, Style>();
/** The one style object of a kind of cell; see the file's opening comment for why it is shared. */
function styleOf(kind: ColumnKind, bold: boolean, fill: string | null): Style {
  const key = `${kind}|${String(bold)}|${fill ?? ''}`;
  let style = styles.get(key);
  if (style === undefined) {
    const horizontal = HORIZONTAL[kind];
    const numFmt = NUM_FMT[kind];
    style = Object.freeze({
      font: bold ? BOLD : FONT,
      border: THIN,
      alignment: Object.freeze({ vertical: 'middle', horizontal, wrapText: horizontal === 'left' }),
      ...(numFmt === undefined ? {} : { numFmt }),
      ...(fill === null ? {} : { fill: solid(fill) }),
    });
    styles.set(key, style);
  }
  return style;
}

const HEADER_STYLE: Style = Object.freeze({
  font: BOLD,
  border: THIN,
  alignment: Object.freeze({ vertical: 'middle', horizontal: 'center', wrapText: true }),
  fill: solid(HEADER_FILL_ARGB),
});
const TITLE_STYLE: Style = Object.freeze({
  font: Object.freeze({ ...FONT, size: 18, bold: true }),
  alignment: Object.freeze({ vertical: 'middle', horizontal: 'center' }),
});
const NOTE_STYLE: Style = Object.freeze({
  font: FONT,
  alignment: Object.freeze({ vertical: 'top', horizontal: 'left', wrapText: true }),
});

/** Gives a cell one of the shared styles (never its setters: see the file's opening comment). */
const setStyle = (cell: ExcelJS.Cell, style: Style): void => {
  cell.style = style;
};

/** The spreadsheet letters of a 1-based column: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A calendar date (YYYY-MM-DD) as an Excel date: ExcelJS writes a Date's UTC day. */
export function excelDate(date: string | null): Date | null {
  if (date === null) return null;
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** A range such as "D2:F2" from 1-based rows and columns. */
const range = (top: number, left: number, bottom: number, right: number): string =>
  `${columnLetter(left)}${String(top)}:${columnLetter(right)}${String(bottom)}`;

function writeHeader(sheet: ExcelJS.Worksheet, columns: readonly OfficeColumn[]): void {
  const [top, bottom] = HEADER_ROWS;
  for (let i = 0; i < columns.length;) {
    const column = columns[i] as OfficeColumn;
    const left = i + 1;
    if (column.group === undefined) {
      sheet.getRow(top).getCell(left).value = column.header;
      sheet.mergeCells(range(top, left, bottom, left));
      i += 1;
      continue;
    }
    // A group is the run of neighbouring columns that name it.
    let right = left;
    while (columns[right]?.group === column.group) right += 1;
    sheet.getRow(top).getCell(left).value = column.group;
    if (right > left) sheet.mergeCells(range(top, left, top, right));
    for (let c = left; c <= right; c++) sheet.getRow(bottom).getCell(c).value = columns[c - 1]?.header ?? '';
    i = right;
  }
  for (const r of HEADER_ROWS) {
    const row = sheet.getRow(r);
    row.height = 24;
    for (let c = 1; c <= columns.length; c++) setStyle(row.getCell(c), HEADER_STYLE);
  }
}

function writeRow(
  row: ExcelJS.Row,
  columns: readonly OfficeColumn[],
  values: readonly ExcelJS.CellValue[],
  bold: boolean,
): void {
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c] as OfficeColumn;
    const value = values[c] ?? null;
    const cell = row.getCell(c + 1);
    cell.value = value;
    const fills = column.fills;
    const fill =
      !bold && typeof value === 'string' && fills && Object.hasOwn(fills, value)
        ? (fills[value] ?? null)
        : null;
    setStyle(cell, styleOf(column.kind, bold, fill));
  }
}

/**
 * Adds the sheet to the workbook and returns it. Rows: 1 the title, 2–3 the header, data from 4, then
 * the 合计 row and the note.
 */
export function addOfficeSheet(book: ExcelJS.Workbook, spec: OfficeSheetSpec): ExcelJS.Worksheet {
  const width = spec.columns.length;
  const frozenColumns = spec.frozenColumns ?? 0;
  const sheet = book.addWorksheet(spec.name, {
    // Title and header stay in view while scrolling, and so do the frozen columns.
    views: [
      {
        state: 'frozen',
        xSplit: frozenColumns,
        ySplit: LAST_HEADER_ROW,
        topLeftCell: `${columnLetter(frozenColumns + 1)}${String(FIRST_DATA_ROW)}`,
      },
    ],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as needed
      horizontalCentered: true,
      printTitlesRow: `${String(HEADER_ROWS[0])}:${String(LAST_HEADER_ROW)}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  sheet.columns = spec.columns.map((c) => ({ width: c.width }));

  const titleRow = sheet.getRow(TITLE_ROW);
  titleRow.getCell(1).value = spec.title;
  setStyle(titleRow.getCell(1), TITLE_STYLE);
  sheet.mergeCells(range(TITLE_ROW, 1, TITLE_ROW, width));
  titleRow.height = 36;

  writeHeader(sheet, spec.columns);

  let next = FIRST_DATA_ROW;
  for (const values of spec.rows) writeRow(sheet.getRow(next++), spec.columns, values, false);

  if (spec.totals) {
    const total = sheet.getRow(next);
    // The label reads as a heading of the row, centred whatever its column's kind.
    const columns = spec.columns.map((c, i) => (i === 0 ? { ...c, kind: 'center' as const } : c));
    writeRow(total, columns, spec.totals.values, true);
    const labelColumns = Math.min(spec.totals.labelColumns ?? 1, width);
    if (labelColumns > 1) sheet.mergeCells(range(next, 1, next, labelColumns));
    total.height = 22;
    next += 1;
  }

  if (spec.note !== undefined) {
    const noteRow = sheet.getRow(next);
    noteRow.getCell(1).value = spec.note;
    setStyle(noteRow.getCell(1), NOTE_STYLE);
    sheet.mergeCells(range(next, 1, next, width));
    // Merged cells do not grow with their text: room for about three lines.
    noteRow.height = 48;
  }
  return sheet;
}

/** Copies the bytes out: in Node ExcelJS returns a Buffer that may be a view of a larger pool. */
export function toArrayBuffer(data: ArrayBuffer | ArrayBufferView): ArrayBuffer {
  const view = ArrayBuffer.isView(data) ? data : new Uint8Array(data);
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice().buffer;
}

/** The workbook as .xlsx bytes. */
export async function workbookBytes(book: ExcelJS.Workbook): Promise<ArrayBuffer> {
  return toArrayBuffer(await book.xlsx.writeBuffer());
}
