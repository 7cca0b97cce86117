// The project ledger as the supervision office files and prints it, in the office layout of
// reports/excel/office-sheet.ts: title, a two-row header ("投资情况（万元）" and "建设进度" merged
// across their columns), one row per project, and a 合计 row. Amounts are written as numbers in 万元
// so offices can keep calculating, each converted from fen through a decimal string (formatWan with
// all six decimals, then Number) and shown with two decimals; totals are summed in fen (sumFen), not
// in Excel, so they are exact. The result reads back through readSheet (the round trip is tested).
import ExcelJS from 'exceljs';
import { type Fen, formatWan, ratio, sumFen } from '../../../../shared/domain/money';
import type { Project } from '../../../../shared/domain/project';
import { addOfficeSheet, excelDate, type OfficeColumn, workbookBytes } from '../../reports/excel';
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

const INVESTMENT = '投资情况（万元）';
const PROGRESS = '建设进度';

const COLUMNS: readonly OfficeColumn[] = [
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

/** Name columns up to 包抓领导, merged in the 合计 row. */
const LABEL_COLUMNS = 7;

/** 万元 as a spreadsheet number, from fen through its exact decimal string. */
const wan = (amount: Fen): number => Number(formatWan(amount, 6));

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

/** The ledger as an .xlsx file, in the order given. */
export async function exportLedger(
  projects: readonly Project[],
  names: LedgerNames,
  options: LedgerOptions,
): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '督查 Ducha';
  addOfficeSheet(workbook, {
    name: '项目台账',
    title: options.title,
    columns: COLUMNS,
    rows: projects.map((project, i) => projectRow(project, i, names, options.year)),
    totals: { values: totalRow(projects, options.year), labelColumns: LABEL_COLUMNS },
    // 序号 and 项目名称 stay in view while scrolling sideways.
    frozenColumns: 2,
  });
  return workbookBytes(workbook);
}
