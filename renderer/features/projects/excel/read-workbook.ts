// Reads the first worksheet of an .xlsx project list into headers and plain rows. Lists issued from
// above rarely start at A1: a title row ("2026年重点项目建设任务表"), sometimes a "单位：万元" line,
// then a header that is often two rows with merged cells (a group "投资情况（万元）" over 计划总投资 /
// 年度计划 …, single columns merged down over both rows). So the header row is searched for, a
// two-row header is combined column by column ("投资情况（万元）/计划总投资"), and cell values are
// reduced to string | number | Date | null. Mapping and validation happen elsewhere.
import ExcelJS from 'exceljs';
import { type CellValue, cellText, cleanText } from './cells';
import { matchHeader } from './columns';

export type WorkbookReadErrorKind =
  | 'notXlsx' // not a zip / not a workbook: a .txt renamed, an old .xls, a damaged download
  | 'empty' // a workbook without any filled cell
  | 'noHeader'; // cells, but no row near the top that looks like the ledger's header

/** Why a file could not be read; `kind` picks the message the dialog shows. */
export class WorkbookReadError extends Error {
  override name = 'WorkbookReadError';
  constructor(
    readonly kind: WorkbookReadErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface SheetData {
  sheetName: string;
  /** One per column; a two-row header's parent and child joined as "parent/child"; '' if blank. */
  headers: string[];
  /** Data rows below the header, each as long as headers; fully empty rows are left out. */
  rows: CellValue[][];
  /** The 1-based Excel row number of each entry of rows, for messages ("第5行"). */
  rowNumbers: number[];
  /** 0-based index of the (first) header row in the worksheet, i.e. its Excel row number − 1. */
  headerRowIndex: number;
  /** 1, or 2 for a two-row header. */
  headerRowCount: 1 | 2;
}

/** How many filled rows from the top may come before the header. */
const HEADER_SEARCH_ROWS = 12;

interface GridCell {
  value: CellValue;
  /** Where the cell's merge starts (itself when not merged). */
  masterRow: number;
  masterCol: number;
}
interface GridRow {
  number: number;
  /** Index 0 is column A. */
  cells: GridCell[];
}

/** The value a cell shows: rich text → its text, formula → its cached result, hyperlink → its text. */
function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if ('richText' in value) return plainValue(value.richText.map((part) => part.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return plainValue(value.result ?? null);
  if ('hyperlink' in value) {
    // Typed as a string, but a link written with formatting reads back as { richText }.
    const text: unknown = value.text;
    return plainValue(text as ExcelJS.CellValue);
  }
  return null; // { error: '#N/A' } and the like: the cell shows no usable value
}

function readGrid(sheet: ExcelJS.Worksheet): GridRow[] {
  const grid: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: GridCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      // A merged cell other than the merge's top-left reports the top-left's value.
      const master = cell.isMerged ? cell.master : cell;
      cells[colNumber - 1] = {
        value: plainValue(cell.value),
        masterRow: master.fullAddress.row,
        masterCol: master.fullAddress.col,
      };
    });
    grid.push({ number: rowNumber, cells });
  });
  return grid;
}

const textAt = (row: GridRow, col: number): string => cleanText(cellText(row.cells[col]?.value ?? null));

/** A cell that continues a merge down from the row above (or further up). */
const mergedDown = (row: GridRow, col: number): boolean => {
  const cell = row.cells[col];
  return cell !== undefined && cell.masterRow < row.number && cell.masterCol === col + 1;
};

function headerTexts(top: GridRow, below: GridRow | null, width: number): string[] {
  const texts: string[] = [];
  for (let col = 0; col < width; col++) {
    const parent = textAt(top, col);
    if (below === null || (mergedDown(below, col) && below.cells[col]?.masterRow === top.number)) {
      texts.push(parent);
      continue;
    }
    const child = textAt(below, col);
    texts.push(parent === '' ? child : child === '' || child === parent ? parent : `${parent}/${child}`);
  }
  return texts;
}

/** Header-likeness: how many distinct texts of the row are ledger headers, out of how many. */
function headerScore(texts: readonly string[]): { matched: number; total: number } {
  const distinct = new Set(texts.filter((t) => t !== ''));
  let matched = 0;
  for (const text of distinct) if (matchHeader(text)) matched++;
  return { matched, total: distinct.size };
}
const looksLikeHeader = (s: { matched: number; total: number }): boolean =>
  s.matched >= 2 && s.matched * 2 >= s.total;

const hasNumbersOrDates = (row: GridRow): boolean =>
  row.cells.some(
    (c) => c.masterRow === row.number && (typeof c.value === 'number' || c.value instanceof Date),
  );

interface HeaderBlock {
  index: number; // into the grid
  count: 1 | 2;
  headers: string[];
}

function findHeader(grid: readonly GridRow[], width: number): HeaderBlock | null {
  for (let index = 0; index < Math.min(grid.length, HEADER_SEARCH_ROWS); index++) {
    const top = grid[index] as GridRow;
    const next = grid[index + 1];
    const adjacent = next !== undefined && next.number === top.number + 1 ? next : null;
    // Cells of the next row merged down from this one make it the second row of this header.
    const linked =
      adjacent !== null &&
      adjacent.cells.some((c, col) => mergedDown(adjacent, col) && c.masterRow === top.number);
    const one = headerTexts(top, null, width);
    const oneScore = headerScore(one);
    // The upper row of a two-row header names some columns itself (序号, 项目名称 merged down); a
    // title merged across the whole sheet names none and is never a header's upper row.
    const upper = oneScore.total >= 2 && (linked || oneScore.matched >= 1);
    if (adjacent && upper && (linked || !hasNumbersOrDates(adjacent))) {
      const two = headerTexts(top, adjacent, width);
      const twoScore = headerScore(two);
      if ((linked || twoScore.matched > oneScore.matched) && looksLikeHeader(twoScore)) {
        return { index, count: 2, headers: two };
      }
    }
    if (looksLikeHeader(oneScore)) return { index, count: 1, headers: one };
  }
  return null;
}

/**
 * A data row as values. A cell merged down from a row above (a county written once beside all its
 * projects) takes that row's value; a cell merged across from its left neighbour is empty, so a
 * merged "合计" label is not read as a project name in every column it spans.
 */
function rowValues(row: GridRow, width: number, firstDataRow: number): CellValue[] {
  const values: CellValue[] = [];
  for (let col = 0; col < width; col++) {
    const cell = row.cells[col];
    if (!cell) values.push(null);
    else if (cell.masterCol !== col + 1) values.push(null);
    else if (cell.masterRow !== row.number && cell.masterRow < firstDataRow) values.push(null);
    else values.push(cell.value);
  }
  return values;
}

/** A section heading ("一、思茅区（3个）") or a footnote: one value in a cell merged across the row. */
function isBanner(row: GridRow, values: readonly CellValue[]): boolean {
  const filled = values.flatMap((v, col) => (v === null ? [] : [col]));
  if (filled.length !== 1) return false;
  const col = (filled[0] as number) + 1;
  const span = row.cells.filter((c) => c.masterRow === row.cells[col - 1]?.masterRow && c.masterCol === col);
  return span.length >= 2;
}

function pickSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | null {
  const sheets = workbook.worksheets.filter((s) => s.actualRowCount > 0);
  return sheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden') ?? sheets[0] ?? null;
}

/** Reads an .xlsx file's first (visible, non-empty) worksheet. Throws WorkbookReadError. */
export async function readSheet(data: ArrayBuffer): Promise<SheetData> {
  if (data.byteLength === 0) throw new WorkbookReadError('empty', 'The file is empty.');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new WorkbookReadError('notXlsx', `Not an .xlsx workbook: ${detail}`, { cause });
  }
  // Every workbook has a sheet; a zip without one is another kind of file (a .docx, say).
  if (workbook.worksheets.length === 0)
    throw new WorkbookReadError('notXlsx', 'Not an .xlsx workbook: no worksheets.');
  const sheet = pickSheet(workbook);
  if (!sheet) throw new WorkbookReadError('empty', 'The workbook has no filled cells.');
  const grid = readGrid(sheet);
  if (grid.length === 0) throw new WorkbookReadError('empty', 'The workbook has no filled cells.');
  let width = Math.max(...grid.map((r) => r.cells.length));
  const block = findHeader(grid, width);
  if (!block) {
    throw new WorkbookReadError(
      'noHeader',
      `No header row in the first ${HEADER_SEARCH_ROWS} rows of "${sheet.name}".`,
    );
  }
  const headerRows = grid.slice(block.index, block.index + block.count);
  const firstDataRow = (headerRows[headerRows.length - 1] as GridRow).number + 1;
  const rows: CellValue[][] = [];
  const rowNumbers: number[] = [];
  for (const row of grid.slice(block.index + block.count)) {
    const values = rowValues(row, width, firstDataRow);
    if (values.every((v) => v === null) || isBanner(row, values)) continue;
    rows.push(values);
    rowNumbers.push(row.number);
  }
  // Trailing columns with neither a header nor a value (styled but blank) are dropped.
  while (width > 0 && block.headers[width - 1] === '' && rows.every((r) => r[width - 1] === null)) width--;
  return {
    sheetName: sheet.name,
    headers: block.headers.slice(0, width),
    rows: rows.map((r) => r.slice(0, width)),
    rowNumbers,
    headerRowIndex: (headerRows[0] as GridRow).number - 1,
    headerRowCount: block.count,
  };
}
