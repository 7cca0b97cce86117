// The project ledger as the supervision office files and prints it: a title row, a two-row header
// with merged cells (单列 headers merged down; "投资情况（万元）" and "建设进度" merged across their
// columns), one row per project, and a 合计 row. Amounts are written as numbers in 万元 so offices
// can keep calculating, each converted from fen through a decimal string (formatWan with all six
// decimals, then Number) and shown with two decimals; totals are summed in fen (sumFen), not in
// Excel, so they are exact. The result reads back through readSheet (the round trip is tested).
import ExcelJS from 'exceljs';
import { type Fen, formatWan, ratio, sumFen } from '../../../../shared/domain/money';
import type { Project } from '../../../../shared/domain/project';
import { CATEGORY_LABELS, PHASE_LABELS } from './columns';

export interface LedgerNames {
  /** Region id → name as the ledger shows it ("宁洱县 宁洱镇" for a town reads back fine). */
  regions: ReadonlyMap<string, string>;
  /** Unit id → short name. */
  units: ReadonlyMap<string, string>;
  /** Person id → name. */
  people: ReadonlyMap<string, string>;
}

export interface LedgerOptions {
  /** The title row, e.g. "2026年重点项目台账". */
  title: string;
  /**
   * The year of the annual columns. A project whose plan year is another year shows no 年度计划 /
   * 本年完成 / 完成率 (its figures belong to that year) and does not count in their totals.
   */
  year: number;
}

type Kind = 'index' | 'text' | 'wide' | 'money' | 'rate' | 'date' | 'center';

interface Column {
  header: string;
  /** The group header above it, or none: then the header is merged down over both header rows. */
  group?: string;
  width: number;
  kind: Kind;
}

const INVESTMENT = '投资情况（万元）';
const PROGRESS = '建设进度';

const COLUMNS: readonly Column[] = [
  { header: '序号', width: 6, kind: 'index' },
  { header: '项目名称', width: 36, kind: 'wide' },
  { header: '项目类别', width: 12, kind: 'center' },
  { header: '所属县(区)', width: 14, kind: 'center' },
  { header: '项目业主', width: 26, kind: 'wide' },
  { header: '责任单位', width: 24, kind: 'wide' },
  { header: '包抓领导', width: 10, kind: 'center' },
  { header: '计划总投资', group: INVESTMENT, width: 14, kind: 'money' },
  { header: '年度计划', group: INVESTMENT, width: 13, kind: 'money' },
  { header: '本年完成', group: INVESTMENT, width: 13, kind: 'money' },
  { header: '累计完成', group: INVESTMENT, width: 13, kind: 'money' },
  { header: '年度投资完成率', group: INVESTMENT, width: 10, kind: 'rate' },
  { header: '项目阶段', group: PROGRESS, width: 9, kind: 'center' },
  { header: '计划开工', group: PROGRESS, width: 12, kind: 'date' },
  { header: '实际开工', group: PROGRESS, width: 12, kind: 'date' },
  { header: '备注', width: 30, kind: 'wide' },
];

const TITLE_ROW = 1;
const HEADER_ROWS = [2, 3] as const;
const FIRST_DATA_ROW = 4;
/** Name columns up to 包抓领导, merged in the 合计 row. */
const LABEL_COLUMNS = 7;

// 宋体 with the GB2312 charset is what Excel and WPS on a Chinese Windows expect for official
// tables; where it is missing they substitute their own song typeface.
const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 11, charset: 134 };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const NUM_FMT: Partial<Record<Kind, string>> = { money: '#,##0.00', rate: '0.0%', date: 'yyyy-mm-dd' };

/** 万元 as a spreadsheet number, from fen through its exact decimal string. */
const wan = (amount: Fen): number => Number(formatWan(amount, 6));

/** A calendar date as an Excel date (ExcelJS writes a Date's UTC day). */
const excelDate = (date: string | null): Date | null => {
  if (date === null) return null;
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
};

const column = (index: number): string => {
  let n = index;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
};
const LAST = column(COLUMNS.length);

function styleCell(cell: ExcelJS.Cell, kind: Kind, bold = false): void {
  cell.font = { ...FONT, bold };
  cell.border = THIN;
  const horizontal =
    kind === 'money' || kind === 'rate' ? 'right' : kind === 'text' || kind === 'wide' ? 'left' : 'center';
  cell.alignment = { vertical: 'middle', horizontal, wrapText: kind === 'wide' || kind === 'text' };
  const numFmt = NUM_FMT[kind];
  if (numFmt) cell.numFmt = numFmt;
}

function writeRow(row: ExcelJS.Row, values: readonly ExcelJS.CellValue[], bold: boolean): void {
  COLUMNS.forEach((col, c) => {
    const cell = row.getCell(c + 1);
    cell.value = values[c] ?? null;
    styleCell(cell, bold && c === 0 ? 'center' : col.kind, bold);
  });
}

function writeHeader(sheet: ExcelJS.Worksheet): void {
  const [top, bottom] = HEADER_ROWS;
  COLUMNS.forEach((col, i) => {
    const c = column(i + 1);
    if (col.group === undefined) {
      sheet.getCell(`${c}${top}`).value = col.header;
      sheet.mergeCells(`${c}${top}:${c}${bottom}`);
    } else {
      sheet.getCell(`${c}${bottom}`).value = col.header;
      const first = COLUMNS.findIndex((x) => x.group === col.group);
      if (first === i) {
        const last = COLUMNS.length - 1 - [...COLUMNS].reverse().findIndex((x) => x.group === col.group);
        sheet.getCell(`${c}${top}`).value = col.group;
        sheet.mergeCells(`${c}${top}:${column(last + 1)}${top}`);
      }
    }
  });
  for (const r of HEADER_ROWS) {
    const row = sheet.getRow(r);
    row.height = 24;
    for (let i = 1; i <= COLUMNS.length; i++) {
      const cell = row.getCell(i);
      styleCell(cell, 'center', true);
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    }
  }
}

function projectRow(p: Project, index: number, names: LedgerNames, year: number): ExcelJS.CellValue[] {
  const thisYear = p.planYear === year;
  const groundbreaking = p.milestones.find((m) => m.kind === 'groundbreaking');
  return [
    index + 1,
    p.name,
    CATEGORY_LABELS[p.category],
    names.regions.get(p.regionId) ?? '',
    p.owner,
    p.responsibleUnitIds
      .map((id) => names.units.get(id) ?? '')
      .filter((n) => n !== '')
      .join('、'),
    p.leaderId === null ? '' : (names.people.get(p.leaderId) ?? ''),
    wan(p.totalInvestment),
    thisYear ? wan(p.annualPlan) : null,
    thisYear ? wan(p.completedThisYear) : null,
    wan(p.completedTotal),
    thisYear ? ratio(p.completedThisYear, p.annualPlan) : null,
    PHASE_LABELS[p.phase],
    excelDate(groundbreaking?.planned ?? null),
    excelDate(groundbreaking?.actual ?? null),
    p.notes,
  ];
}

function totalRow(projects: readonly Project[], year: number): ExcelJS.CellValue[] {
  const ofYear = projects.filter((p) => p.planYear === year);
  const annualPlan = sumFen(ofYear.map((p) => p.annualPlan));
  const completedThisYear = sumFen(ofYear.map((p) => p.completedThisYear));
  return [
    `合计（${projects.length}个项目）`,
    ...Array<null>(LABEL_COLUMNS - 1).fill(null),
    wan(sumFen(projects.map((p) => p.totalInvestment))),
    wan(annualPlan),
    wan(completedThisYear),
    wan(sumFen(projects.map((p) => p.completedTotal))),
    ratio(completedThisYear, annualPlan),
    null,
    null,
    null,
    null,
  ];
}

/** Copies the bytes out: in Node ExcelJS returns a Buffer that may be a view of a larger pool. */
function toArrayBuffer(data: ArrayBuffer | ArrayBufferView): ArrayBuffer {
  const view = ArrayBuffer.isView(data) ? data : new Uint8Array(data);
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice().buffer;
}

/** The ledger as an .xlsx file, in the order given. */
export async function exportLedger(
  projects: readonly Project[],
  names: LedgerNames,
  options: LedgerOptions,
): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '督查 Ducha';
  const lastHeaderRow = HEADER_ROWS[HEADER_ROWS.length - 1] as number;
  const sheet = workbook.addWorksheet('项目台账', {
    // Title and header stay in view while scrolling, and so do 序号 and 项目名称.
    views: [{ state: 'frozen', xSplit: 2, ySplit: lastHeaderRow, topLeftCell: `C${FIRST_DATA_ROW}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as needed
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROWS[0]}:${lastHeaderRow}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));

  sheet.mergeCells(`A${TITLE_ROW}:${LAST}${TITLE_ROW}`);
  const title = sheet.getCell(`A${TITLE_ROW}`);
  title.value = options.title;
  title.font = { ...FONT, size: 18, bold: true };
  title.alignment = { vertical: 'middle', horizontal: 'center' };
  sheet.getRow(TITLE_ROW).height = 36;

  writeHeader(sheet);

  projects.forEach((project, i) => {
    writeRow(sheet.getRow(FIRST_DATA_ROW + i), projectRow(project, i, names, options.year), false);
  });

  const totalAt = FIRST_DATA_ROW + projects.length;
  const total = sheet.getRow(totalAt);
  writeRow(total, totalRow(projects, options.year), true);
  sheet.mergeCells(`A${totalAt}:${column(LABEL_COLUMNS)}${totalAt}`);
  total.height = 22;

  return toArrayBuffer(await workbook.xlsx.writeBuffer());
}
