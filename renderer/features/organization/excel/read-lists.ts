// Reads a lists workbook (县区乡镇, 责任单位, 人员) into plain rows. Everything wrong with the file —
// not an .xlsx, a sheet or a header missing, a name twice, a cell too long, an unknown 类别 — is
// collected and told with its sheet and row, so the user fixes the file once, not once per error.
// Whether a name is already on the team's lists is decided later (plan-lists.ts).
import ExcelJS from 'exceljs';
import type { Unit } from '../../../../shared/domain/organization';
import {
  LIST_SHEETS,
  type ListSheet,
  PEOPLE_SHEET,
  REGIONS_SHEET,
  UNIT_KIND_NAMES,
  UNITS_SHEET,
} from './lists-sheets';

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface RegionRow {
  row: number;
  county: string;
  town: string | null;
}
export interface UnitRow {
  row: number;
  name: string;
  shortName: string;
  kind: Unit['kind'];
  county: string | null;
  parent: string | null;
}
export interface PersonRow {
  row: number;
  name: string;
  title: string;
  phone: string;
  unit: string | null;
}

export interface ListsWorkbook {
  regions: RegionRow[];
  units: UnitRow[];
  people: PersonRow[];
}

/** The file cannot be imported; every problem found, each naming its sheet and row. */
export class ListsFileError extends Error {
  override name = 'ListsFileError';
  constructor(readonly problems: LocalizedText[]) {
    super(problems.map((p) => p.en).join('\n'));
  }
}

const SHEET_EN: Record<ListSheet, string> = {
  [REGIONS_SHEET]: 'counties and towns',
  [UNITS_SHEET]: 'units',
  [PEOPLE_SHEET]: 'people',
};
const LIMITS = { name: 100, shortName: 20, personName: 50, title: 100, phone: 30 };
// The header is the first row naming the sheet's first column; a title row may come before it.
const HEADER_SEARCH_ROWS = 5;

const key = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
const textOf = (cell: ExcelJS.Cell): string => cell.text.replace(/\s+/g, ' ').trim();

/** A problem of the file, named by its sheet and row in both languages. */
export function sheetProblem(sheet: ListSheet, row: number | null, zh: string, en: string): LocalizedText {
  const at = row === null ? '' : `第${row}行`;
  return {
    zh: `工作表“${sheet}”${at}：${zh}`,
    en: `Sheet “${sheet}” (${SHEET_EN[sheet]})${row === null ? '' : `, row ${row}`}: ${en}`,
  };
}

class Problems {
  readonly list: LocalizedText[] = [];
  add(sheet: ListSheet, row: number | null, zh: string, en: string) {
    this.list.push(sheetProblem(sheet, row, zh, en));
  }
}

interface SheetRows {
  /** Each data row's cells by header, with its Excel row number. */
  rows: { row: number; cells: Record<string, string> }[];
}

function readSheet(book: ExcelJS.Workbook, name: ListSheet, problems: Problems): SheetRows | null {
  const sheet = book.worksheets.find((s) => key(s.name) === key(name));
  if (!sheet) {
    problems.add(
      name,
      null,
      '缺少此工作表（请使用“下载模板”得到的格式）',
      'the sheet is missing (use the template’s layout)',
    );
    return null;
  }
  const headers = LIST_SHEETS[name] as readonly string[];
  let headerRow = 0;
  const columns = new Map<string, number>();
  for (let r = 1; r <= HEADER_SEARCH_ROWS && headerRow === 0; r++) {
    const row = sheet.getRow(r);
    row.eachCell((cell, col) => {
      const header = headers.find((h) => key(textOf(cell)) === key(h));
      if (header && !columns.has(header)) columns.set(header, col);
    });
    if (columns.has(headers[0] as string)) headerRow = r;
    else columns.clear();
  }
  const missing = headers.filter((h) => !columns.has(h));
  if (headerRow === 0 || missing.length > 0) {
    const names = (headerRow === 0 ? headers : missing).join('、');
    problems.add(name, headerRow || null, `缺少表头：${names}`, `missing header: ${names}`);
    return null;
  }
  const rows: SheetRows['rows'] = [];
  sheet.eachRow((row, number) => {
    if (number <= headerRow) return;
    const cells = Object.fromEntries(headers.map((h) => [h, textOf(row.getCell(columns.get(h) as number))]));
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: number, cells });
  });
  return { rows };
}

function tooLong(
  problems: Problems,
  sheet: ListSheet,
  row: number,
  label: string,
  text: string,
  max: number,
) {
  if (text.length <= max) return false;
  problems.add(sheet, row, `${label}超过${max}字`, `${label} is longer than ${max} characters`);
  return true;
}

/** Reads and checks a lists workbook. Throws ListsFileError naming every problem. */
export async function readListsWorkbook(data: ArrayBuffer): Promise<ListsWorkbook> {
  const book = new ExcelJS.Workbook();
  try {
    if (data.byteLength === 0) throw new Error('empty file');
    await book.xlsx.load(data);
  } catch {
    throw new ListsFileError([
      {
        zh: '不是Excel工作簿（.xlsx）。旧版 .xls 请先另存为 .xlsx。',
        en: 'Not an Excel workbook (.xlsx). Save an old .xls as .xlsx first.',
      },
    ]);
  }
  const problems = new Problems();
  const regionSheet = readSheet(book, REGIONS_SHEET, problems);
  const unitSheet = readSheet(book, UNITS_SHEET, problems);
  const peopleSheet = readSheet(book, PEOPLE_SHEET, problems);
  const result: ListsWorkbook = { regions: [], units: [], people: [] };

  const seen = new Map<string, number>();
  const repeated = (sheet: ListSheet, row: number, id: string, label: LocalizedText): boolean => {
    const first = seen.get(`${sheet}\u0000${id}`);
    if (first === undefined) {
      seen.set(`${sheet}\u0000${id}`, row);
      return false;
    }
    problems.add(sheet, row, `${label.zh}与第${first}行重复`, `${label.en} repeats row ${first}`);
    return true;
  };

  for (const { row, cells } of regionSheet?.rows ?? []) {
    const county = cells['县区'] ?? '';
    const town = cells['乡镇'] ?? '';
    if (county === '') {
      problems.add(REGIONS_SHEET, row, '县区不能为空', 'the county (县区) is required');
      continue;
    }
    if (tooLong(problems, REGIONS_SHEET, row, '县区', county, LIMITS.name)) continue;
    if (tooLong(problems, REGIONS_SHEET, row, '乡镇', town, LIMITS.name)) continue;
    const place = town === '' ? `“${county}”` : `“${county} ${town}”`;
    if (repeated(REGIONS_SHEET, row, `${key(county)}/${key(town)}`, { zh: place, en: place })) continue;
    result.regions.push({ row, county, town: town === '' ? null : town });
  }

  for (const { row, cells } of unitSheet?.rows ?? []) {
    const name = cells['全称'] ?? '';
    if (name === '') {
      problems.add(UNITS_SHEET, row, '全称不能为空', 'the full name (全称) is required');
      continue;
    }
    const shortName = cells['简称'] || name.slice(0, LIMITS.shortName);
    const kindText = cells['类别'] ?? '';
    const kind =
      kindText === ''
        ? 'other'
        : (Object.entries(UNIT_KIND_NAMES).find(
            ([k, zh]) => key(zh) === key(kindText) || k === kindText,
          )?.[0] as Unit['kind'] | undefined);
    if (!kind) {
      const known = Object.values(UNIT_KIND_NAMES).join('、');
      problems.add(
        UNITS_SHEET,
        row,
        `类别“${kindText}”无法识别，可填：${known}`,
        `the kind (类别) “${kindText}” is not one of: ${known}`,
      );
      continue;
    }
    if (tooLong(problems, UNITS_SHEET, row, '全称', name, LIMITS.name)) continue;
    if (tooLong(problems, UNITS_SHEET, row, '简称', shortName, LIMITS.shortName)) continue;
    if (repeated(UNITS_SHEET, row, key(name), { zh: `全称“${name}”`, en: `the full name “${name}”` }))
      continue;
    result.units.push({
      row,
      name,
      shortName,
      kind,
      county: cells['所属县区'] || null,
      parent: cells['上级单位'] || null,
    });
  }

  for (const { row, cells } of peopleSheet?.rows ?? []) {
    const name = cells['姓名'] ?? '';
    if (name === '') {
      problems.add(PEOPLE_SHEET, row, '姓名不能为空', 'the name (姓名) is required');
      continue;
    }
    const title = cells['职务'] ?? '';
    const phone = cells['电话'] ?? '';
    if (tooLong(problems, PEOPLE_SHEET, row, '姓名', name, LIMITS.personName)) continue;
    if (tooLong(problems, PEOPLE_SHEET, row, '职务', title, LIMITS.title)) continue;
    if (tooLong(problems, PEOPLE_SHEET, row, '电话', phone, LIMITS.phone)) continue;
    if (repeated(PEOPLE_SHEET, row, key(name), { zh: `姓名“${name}”`, en: `the name “${name}”` })) continue;
    result.people.push({ row, name, title, phone, unit: cells['所属单位'] || null });
  }

  if (problems.list.length > 0) throw new ListsFileError(problems.list);
  return result;
}
