// The issue ledger (问题清单台账) as offices file it: one row per issue in the order given, a two-row
// header grouping the problem, its deadlines and its rectification, the colour card as a filled cell,
// a 合计 row with how many are closed and how many overdue, and a note saying which day the cards are
// as of. Written for 200,000 issues: rows are made one at a time as the sheet takes them, and repeated
// dates share one Date, so nothing per issue is kept besides what ExcelJS itself holds.
import ExcelJS from 'exceljs';
import { CHINA_TIME_ZONE, localDate } from '../../../../shared/domain/dates';
import type { Issue } from '../../../../shared/domain/issue';
import { colourCard, YELLOW_WITHIN_DAYS } from '../../../../shared/issues/colour-card';
import { CARD_LABELS, CATEGORY_LABELS, SEVERITY_LABELS, STATUS_LABELS } from './labels';
import { addOfficeSheet, excelDate, type OfficeColumn, workbookBytes } from './office-sheet';

export interface IssueLedgerNames {
  /** Project id → name. */
  projects: ReadonlyMap<string, string>;
  /** Region id → name (a town reads "宁洱县 宁洱镇" if the map says so). */
  regions: ReadonlyMap<string, string>;
  /** Unit id → short name. */
  units: ReadonlyMap<string, string>;
  /** Person id → name: the coordinating leader (协调领导) in 备注. */
  people?: ReadonlyMap<string, string>;
}

export interface IssueLedgerOptions {
  /** The title row, e.g. "2026年问题清单台账". */
  title: string;
  /** Today in the office's zone (YYYY-MM-DD): the colour cards are as of this day. */
  today: string;
  /** The office's zone, for the day an issue was closed; China Standard Time by default. */
  timeZone?: string;
}

/** A live issue, as the data layer gives it (deleted ones never reach the ledger). */
export type LedgerIssue = Issue;

const PROBLEM = '问题描述';
const DEADLINE = '整改时限';
const RECTIFICATION = '整改情况';

// Light shades, so the 红/黄/绿 written in the cell stays readable when printed in black and white.
const CARD_FILLS: Readonly<Record<string, string>> = {
  [CARD_LABELS.red]: 'FFFF8A80',
  [CARD_LABELS.yellow]: 'FFFFE082',
  [CARD_LABELS.green]: 'FFA5D6A7',
};

export const ISSUE_LEDGER_COLUMNS: readonly OfficeColumn[] = [
  { header: '序号', width: 7, kind: 'index' },
  { header: '项目名称', width: 30, kind: 'wide' },
  { header: '所在地区', width: 14, kind: 'center' },
  { header: '问题类别', group: PROBLEM, width: 12, kind: 'center' },
  { header: '问题', group: PROBLEM, width: 40, kind: 'wide' },
  { header: '严重程度', group: PROBLEM, width: 9, kind: 'center' },
  { header: '责任单位', width: 22, kind: 'wide' },
  { header: '责任人', width: 10, kind: 'center' },
  { header: '原定时限', group: DEADLINE, width: 12, kind: 'date' },
  { header: '现时限', group: DEADLINE, width: 12, kind: 'date' },
  // Wide enough for the 合计 row's "已销号 n 项" and "逾期 n 项" written under them.
  { header: '状态', group: RECTIFICATION, width: 14, kind: 'center' },
  { header: '亮牌', group: RECTIFICATION, width: 12, kind: 'center', fills: CARD_FILLS },
  { header: '销号日期', group: RECTIFICATION, width: 12, kind: 'date' },
  { header: '通知书文号', width: 18, kind: 'center' },
  { header: '备注', width: 20, kind: 'wide' },
];

/** 合计 N 项 spans 序号 to 所在地区; the closed and overdue counts stand under 状态 and 亮牌. */
const LABEL_COLUMNS = 3;
const STATUS_COLUMN = ISSUE_LEDGER_COLUMNS.findIndex((c) => c.header === '状态');
const CARD_COLUMN = ISSUE_LEDGER_COLUMNS.findIndex((c) => c.header === '亮牌');

/** Deadlines repeat across thousands of issues: one Date per distinct day. */
function dateCache(): (date: string | null) => Date | null {
  const dates = new Map<string, Date | null>();
  return (date) => {
    if (date === null) return null;
    let value = dates.get(date);
    if (value === undefined) dates.set(date, (value = excelDate(date)));
    return value;
  };
}

function* ledgerRows(
  issues: readonly LedgerIssue[],
  names: IssueLedgerNames,
  today: string,
  timeZone: string,
): Generator<ExcelJS.CellValue[]> {
  const date = dateCache();
  let index = 0;
  for (const issue of issues) {
    index += 1;
    const card = colourCard(issue, today);
    const leader =
      issue.coordinatingLeaderId === null ? undefined : names.people?.get(issue.coordinatingLeaderId);
    const remarks = [
      issue.needsCoordination ? '需调度会' : '',
      leader === undefined ? '' : `协调领导：${leader}`,
    ].filter((r) => r !== '');
    yield [
      index,
      names.projects.get(issue.projectId) ?? '',
      names.regions.get(issue.regionId) ?? '',
      CATEGORY_LABELS[issue.category],
      issue.title,
      SEVERITY_LABELS[issue.severity],
      issue.responsibleUnitIds
        .map((id) => names.units.get(id) ?? '')
        .filter((n) => n !== '')
        .join('、'),
      issue.responsiblePerson,
      date(issue.originalDeadline),
      date(issue.deadline),
      STATUS_LABELS[issue.status],
      card === null ? '' : CARD_LABELS[card],
      // The day it was closed in the office's zone, as the issue list shows it.
      issue.closedAt === null ? null : date(localDate(Date.parse(issue.closedAt), timeZone)),
      issue.noticeNumber ?? '',
      remarks.join('；'),
    ];
  }
}

/** 合计: the live issues, of which closed (已销号) and overdue (red cards, as of today). */
function totalsRow(issues: readonly LedgerIssue[], today: string): ExcelJS.CellValue[] {
  let count = 0;
  let closed = 0;
  let overdue = 0;
  for (const issue of issues) {
    count += 1;
    if (issue.status === 'closed') closed += 1;
    else if (colourCard(issue, today) === 'red') overdue += 1;
  }
  const values: ExcelJS.CellValue[] = ISSUE_LEDGER_COLUMNS.map(() => null);
  values[0] = `合计 ${String(count)} 项`;
  values[STATUS_COLUMN] = `已销号 ${String(closed)} 项`;
  values[CARD_COLUMN] = `逾期 ${String(overdue)} 项`;
  return values;
}

/** The ledger as an .xlsx file: the live issues in the order given. */
export async function exportIssueLedger(
  issues: readonly LedgerIssue[],
  names: IssueLedgerNames,
  options: IssueLedgerOptions,
): Promise<ArrayBuffer> {
  const { today } = options;
  const timeZone = options.timeZone ?? CHINA_TIME_ZONE;
  const book = new ExcelJS.Workbook();
  book.creator = '督查 Ducha';
  addOfficeSheet(book, {
    name: '问题清单台账',
    title: options.title,
    columns: ISSUE_LEDGER_COLUMNS,
    rows: ledgerRows(issues, names, today, timeZone),
    totals: { values: totalsRow(issues, today), labelColumns: LABEL_COLUMNS },
    note:
      `注：亮牌截至 ${today}。红牌为已超过整改时限，黄牌为 ${String(YELLOW_WITHIN_DAYS)} 天内到期，` +
      '绿牌为在整改时限内；已销号的问题不亮牌。',
    // 序号 and 项目名称 stay in view while scrolling sideways.
    frozenColumns: 2,
  });
  return workbookBytes(book);
}
