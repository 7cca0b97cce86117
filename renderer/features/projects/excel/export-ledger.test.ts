import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Fen, formatWan, parseWan } from '../../../../shared/domain/money';
import type { Project } from '../../../../shared/domain/project';
import { buildIssuedList } from '../../../../test/fixtures/excel/issued-list';
import {
  PEOPLE,
  PEOPLE_NAMES,
  REGION_NAMES,
  REGIONS,
  UNIT_NAMES,
  UNITS,
} from '../../../../test/fixtures/excel/organization';
import { makeProject } from '../../../../test/fixtures/records';
import { exportLedger } from './export-ledger';
import { guessMapping } from './mapping';
import { readSheet } from './read-workbook';
import { validateRows } from './validate-rows';

const wan = (text: string): Fen => parseWan(text) as Fen;
const NAMES = { regions: REGION_NAMES, units: UNIT_NAMES, people: PEOPLE_NAMES };
const OPTIONS = { title: '2026年重点项目台账', year: 2026 };

const project = (n: number, overrides: Partial<Project>): Project =>
  makeProject({
    id: `019a0000-0000-7000-8000-00000000000${n}`,
    regionId: 'r-simao',
    responsibleUnitIds: [],
    ...overrides,
  });

// Amounts chosen so that summing them as floats would drift: 0.1 + 0.2 万元 and friends.
const PROJECTS: Project[] = [
  project(1, {
    name: '思茅区城南污水管网改造工程',
    regionId: 'r-nanping',
    responsibleUnitIds: ['u-simao-construction', 'u-simao-water'],
    leaderId: 'p-li',
    totalInvestment: wan('9860'),
    annualPlan: wan('0.1'),
    completedThisYear: wan('0.1'),
    completedTotal: wan('3422.5'),
  }),
  project(2, {
    name: '宁洱县城乡垃圾中转站建设项目',
    regionId: 'r-ninger',
    category: 'waste',
    phase: 'continuing',
    totalInvestment: wan('2680.0123'),
    annualPlan: wan('0.2'),
    completedThisYear: wan('0.05'),
    completedTotal: wan('835'),
    milestones: [{ kind: 'groundbreaking', planned: '2026-04-15', actual: null }],
  }),
  project(3, {
    name: '景谷县威远镇棚户区改造项目',
    regionId: 'r-weiyuan',
    category: 'shantyTown',
    planYear: 2025, // last year's plan: no annual figures in the 2026 ledger
    totalInvestment: wan('4425.75'),
    annualPlan: wan('2655'),
    completedThisYear: wan('960.25'),
    completedTotal: wan('1940.25'),
  }),
];

async function exported(projects: Project[] = PROJECTS) {
  const data = await exportLedger(projects, NAMES, OPTIONS);
  expect(data).toBeInstanceOf(ArrayBuffer);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
  return { data, sheet: workbook.worksheets[0] as ExcelJS.Worksheet };
}

describe('exportLedger', () => {
  it('lays out a merged title and a two-row merged header as offices expect', async () => {
    const { sheet } = await exported();
    const merges = new Set(sheet.model.merges);
    for (const range of ['A1:P1', 'A2:A3', 'B2:B3', 'G2:G3', 'H2:L2', 'M2:O2', 'P2:P3', 'A7:G7']) {
      expect(merges.has(range), range).toBe(true);
    }
    expect(sheet.getCell('A1').value).toBe('2026年重点项目台账');
    const row2 = [
      '序号',
      '项目名称',
      '项目类别',
      '所属县(区)',
      '项目业主',
      '责任单位',
      '包抓领导',
      '投资情况（万元）',
    ];
    expect(row2.map((_, i) => sheet.getRow(2).getCell(i + 1).value)).toEqual(row2);
    expect(sheet.getCell('M2').value).toBe('建设进度');
    expect(['H', 'I', 'J', 'K', 'L', 'M', 'N', 'O'].map((c) => sheet.getCell(`${c}3`).value)).toEqual([
      '计划总投资',
      '年度计划',
      '本年完成',
      '累计完成',
      '年度投资完成率',
      '项目阶段',
      '计划开工',
      '实际开工',
    ]);
  });

  it('writes rows with names, labels, dates and amounts in 万元 converted exactly from fen', async () => {
    const { sheet } = await exported();
    const row = sheet.getRow(4);
    expect([1, 2, 3, 4, 6, 7, 13].map((c) => row.getCell(c).value)).toEqual([
      1,
      '思茅区城南污水管网改造工程',
      '污水处理',
      '思茅区 南屏镇',
      '思茅住建局、思茅水务局',
      '李春明',
      '在建',
    ]);
    expect(row.getCell(8).value).toBe(9860);
    expect(row.getCell(11).value).toBe(3422.5);
    expect(row.getCell(8).numFmt).toBe('#,##0.00');
    expect(row.getCell(12).value).toBe(1);
    expect(row.getCell(12).numFmt).toBe('0.0%');
    expect(sheet.getRow(5).getCell(8).value).toBe(2680.0123); // finer than the 2 decimals shown, kept
    expect(sheet.getRow(5).getCell(14).value).toEqual(new Date(Date.UTC(2026, 3, 15)));
    // Another plan year: its annual figures are not this year's.
    expect([9, 10, 12].map((c) => sheet.getRow(6).getCell(c).value)).toEqual([null, null, null]);
  });

  it('totals exactly, summed in fen', async () => {
    const { sheet } = await exported();
    const total = sheet.getRow(7);
    expect(total.getCell(1).value).toBe('合计（3个项目）');
    expect(total.getCell(8).value).toBe(Number(formatWan(wan('16965.7623'), 6)));
    expect(total.getCell(8).value).toBe(16965.7623);
    expect(total.getCell(9).value).toBe(0.3); // 0.1 + 0.2 万元, not 0.30000000000000004
    expect(total.getCell(10).value).toBe(0.15);
    expect(total.getCell(11).value).toBe(6197.75);
    expect(total.getCell(12).value).toBe(0.5);
  });

  it('freezes the header, prints A4 landscape fit to width with the header on every page, in 宋体', async () => {
    const { sheet } = await exported();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 2 });
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:3',
    });
    expect(sheet.getCell('B4').font.name).toContain('宋体');
    expect(sheet.getCell('A1').font).toMatchObject({ name: '宋体', bold: true });
    expect(sheet.getCell('H3').border.bottom?.style).toBe('thin');
    expect(sheet.getCell('K7').border.right?.style).toBe('thin');
    expect(sheet.getColumn(2).width).toBeGreaterThan(30);
  });

  it('exports an empty ledger as header and a zero total', async () => {
    const { sheet } = await exported([]);
    expect(sheet.getRow(4).getCell(1).value).toBe('合计（0个项目）');
    expect(sheet.getRow(4).getCell(8).value).toBe(0);
    expect(sheet.getRow(4).getCell(12).value).toBeNull();
  });

  it('reads back: export, then read, map and validate give the same names and amounts', async () => {
    const issued = await readSheet(await buildIssuedList());
    let n = 0;
    const ctx = {
      regions: REGIONS,
      units: UNITS,
      people: PEOPLE,
      existingProjectNames: [],
      today: '2026-11-27',
      now: '2026-11-27T02:00:00.000Z',
      newId: () => `id-${++n}`,
    };
    const original = validateRows(issued, guessMapping(issued.headers), ctx).flatMap((r) => r.project ?? []);
    expect(original).toHaveLength(3);

    const sheet = await readSheet(await exportLedger(original, NAMES, OPTIONS));
    expect(sheet.headerRowCount).toBe(2);
    const back = validateRows(sheet, guessMapping(sheet.headers), ctx);
    expect(back.map((r) => r.errors)).toEqual([[], [], []]); // the 合计 row is not a project
    const pick = (p: Project | null) =>
      p && {
        name: p.name,
        category: p.category,
        regionId: p.regionId,
        responsibleUnitIds: p.responsibleUnitIds,
        leaderId: p.leaderId,
        totalInvestment: p.totalInvestment,
        annualPlan: p.annualPlan,
        completedThisYear: p.completedThisYear,
        completedTotal: p.completedTotal,
        phase: p.phase,
        plannedStart: p.milestones.find((m) => m.kind === 'groundbreaking')?.planned,
      };
    expect(back.map((r) => pick(r.project))).toEqual(original.map(pick));
  });
});
