// The bulletin's tables (督查通报附表) as a workbook, one sheet each in office layout: per county, per
// responsible unit, the ranking with its rule, and the overdue issues. The figures come ready from
// shared/figures (via the bulletin) as plain data, so the spreadsheet and the PDF never disagree; the
// only figures worked out here are the 合计 rows, whose rates come from the summed counts, never from
// averaging the rows' rates.
import ExcelJS from 'exceljs';
import { addOfficeSheet, excelDate, type OfficeColumn, workbookBytes } from './office-sheet';

/** One county's or one unit's 整改情况, as RectificationFigure has it. */
export interface FigureRow {
  name: string;
  /** Issues found (发现问题). */
  found: number;
  /** Issues closed out (已销号; RectificationFigure.rectified). */
  closed: number;
  /** closed / found (整改率); null when nothing was found. */
  rectificationRate: number | null;
  /** Closed by the deadline / closed (按期销号率); null when nothing is closed. */
  onTimeRate: number | null;
  /** Open issues past their deadline (逾期). */
  overdue: number;
  /** Red cards (红牌). */
  red: number;
}

export interface RankingRow {
  /** 1 for the first; counties that tie share a rank. */
  rank: number;
  name: string;
  /** What the counties are ranked by: the rectification rate (ranking.ts). */
  score: number | null;
  /** Why this place, where the rule needed more than the score (a tie broken, 并列). */
  rule?: string;
}

export interface OverdueRow {
  project: string;
  title: string;
  /** The responsible units' names, joined. */
  unit: string;
  /** The deadline in force, YYYY-MM-DD. */
  deadline: string;
  daysOverdue: number;
}

export interface BulletinTables {
  period: { from: string; to: string };
  /** The area the bulletin covers (全市, or one county). */
  regionName: string;
  byArea: FigureRow[];
  byUnit: FigureRow[];
  ranking: RankingRow[];
  /** The ranking rule in words, printed under the ranking. */
  rankingRule: string;
  overdue: OverdueRow[];
}

export interface BulletinTablesOptions {
  /** The bulletin's title, e.g. "督查通报 思茅区 2026年第3期"; each sheet's title starts with it. */
  title: string;
}

/** The sheets' tab names, in order. */
export const BULLETIN_SHEETS = {
  byArea: '按县区',
  byUnit: '按责任单位',
  ranking: '排名',
  overdue: '逾期问题清单',
} as const;

const COUNTS = '问题数（个）';
const RATES = '整改情况';

const figureColumns = (nameHeader: string): OfficeColumn[] => [
  { header: '序号', width: 6, kind: 'index' },
  { header: nameHeader, width: 22, kind: 'wide' },
  { header: '发现问题', group: COUNTS, width: 10, kind: 'count' },
  { header: '已销号', group: COUNTS, width: 10, kind: 'count' },
  { header: '逾期', group: COUNTS, width: 10, kind: 'count' },
  { header: '红牌', group: COUNTS, width: 10, kind: 'count' },
  { header: '整改率', group: RATES, width: 11, kind: 'rate' },
  { header: '按期销号率', group: RATES, width: 12, kind: 'rate' },
];

const figureRows = (rows: readonly FigureRow[]): ExcelJS.CellValue[][] =>
  rows.map((r, i) => [i + 1, r.name, r.found, r.closed, r.overdue, r.red, r.rectificationRate, r.onTimeRate]);

const sum = (rows: readonly FigureRow[], count: (row: FigureRow) => number): number =>
  rows.reduce((total, row) => total + count(row), 0);

/**
 * 合计 of the county rows: counts summed, 整改率 = closed / found of the sums, 按期销号率 = closed on
 * time / closed of the sums. The rows carry the on-time rate, not its count; the count is recovered
 * exactly as rate × closed (the rate is a ratio of whole numbers with closed below it, so rounding
 * undoes the float's error).
 */
function figureTotals(rows: readonly FigureRow[]): ExcelJS.CellValue[] {
  const found = sum(rows, (r) => r.found);
  const closed = sum(rows, (r) => r.closed);
  const closedOnTime = sum(rows, (r) => Math.round((r.onTimeRate ?? 0) * r.closed));
  return [
    '合计',
    null,
    found,
    closed,
    sum(rows, (r) => r.overdue),
    sum(rows, (r) => r.red),
    found === 0 ? null : closed / found,
    closed === 0 ? null : closedOnTime / closed,
  ];
}

/** The workbook of the bulletin's four tables. */
export async function exportBulletinTables(
  tables: BulletinTables,
  options: BulletinTablesOptions,
): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '督查 Ducha';
  const period = `（${tables.period.from} 至 ${tables.period.to}）`;

  addOfficeSheet(book, {
    name: BULLETIN_SHEETS.byArea,
    title: `${options.title} 附表1 各县(区)问题整改情况${period}`,
    columns: figureColumns('县(区)'),
    rows: figureRows(tables.byArea),
    totals: { values: figureTotals(tables.byArea), labelColumns: 2 },
  });

  addOfficeSheet(book, {
    name: BULLETIN_SHEETS.byUnit,
    title: `${options.title} 附表2 各责任单位问题整改情况${period}`,
    columns: figureColumns('责任单位'),
    rows: figureRows(tables.byUnit),
    // No 合计: the units' counts overlap, so their sum would overstate the issues.
    note: '注：一个问题有多个责任单位的，各单位分别计数，故本表不作合计。',
  });

  addOfficeSheet(book, {
    name: BULLETIN_SHEETS.ranking,
    title: `${options.title} 附表3 各县(区)排名${period}`,
    columns: [
      { header: '名次', width: 8, kind: 'index' },
      { header: '县(区)', width: 22, kind: 'wide' },
      { header: '整改率', width: 12, kind: 'rate' },
      { header: '说明', width: 36, kind: 'wide' },
    ],
    rows: tables.ranking.map((r) => [r.rank, r.name, r.score, r.rule ?? '']),
    note: tables.rankingRule,
  });

  addOfficeSheet(book, {
    name: BULLETIN_SHEETS.overdue,
    title: `${options.title} 附表4 ${tables.regionName}逾期未整改问题清单`,
    columns: [
      { header: '序号', width: 6, kind: 'index' },
      { header: '项目名称', width: 30, kind: 'wide' },
      { header: '问题', width: 40, kind: 'wide' },
      { header: '责任单位', width: 22, kind: 'wide' },
      { header: '整改时限', width: 12, kind: 'date' },
      { header: '逾期天数（天）', width: 10, kind: 'count' },
    ],
    rows: tables.overdue.map((o, i) => [
      i + 1,
      o.project,
      o.title,
      o.unit,
      excelDate(o.deadline),
      o.daysOverdue,
    ]),
    totals: { values: [`合计 ${String(tables.overdue.length)} 项`], labelColumns: 2 },
  });

  return workbookBytes(book);
}
