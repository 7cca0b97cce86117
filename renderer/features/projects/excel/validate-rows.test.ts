import { describe, expect, it } from 'vitest';
import { MILESTONE_KINDS, ProjectSchema } from '../../../../shared/domain/project';
import { generateCampaign } from '../../../../shared/sample/campaign';
import {
  buildIssuedList,
  ISSUED_BAD_ROW,
  ISSUED_GOOD_ROWS,
} from '../../../../test/fixtures/excel/issued-list';
import { PEOPLE, REGIONS, UNITS } from '../../../../test/fixtures/excel/organization';
import type { CellValue } from './cells';
import { guessMapping } from './mapping';
import { readSheet } from './read-workbook';
import { projectsToImport, summarize, validateRows, type ValidateContext } from './validate-rows';

const NOW = '2026-11-27T02:00:00.000Z';

function context(overrides: Partial<ValidateContext> = {}): ValidateContext {
  let n = 0;
  return {
    regions: REGIONS,
    units: UNITS,
    people: PEOPLE,
    existingProjectNames: [],
    today: '2026-11-27',
    now: NOW,
    newId: () => `019a0000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
    ...overrides,
  };
}

async function issuedResults(ctx: ValidateContext = context()) {
  const sheet = await readSheet(await buildIssuedList());
  return validateRows(sheet, guessMapping(sheet.headers), ctx);
}

/** A small sheet with the given headers, rows starting at Excel row 2. */
function sheetOf(headers: string[], rows: CellValue[][]) {
  return { headers, rows, rowNumbers: rows.map((_, i) => i + 2) };
}

describe('validateRows on the issued list', () => {
  it('accepts the three good rows as valid projects with exact amounts in fen', async () => {
    const results = await issuedResults();
    expect(results.map((r) => r.rowNumber)).toEqual([3, 4, 5, 6]);
    for (const expected of ISSUED_GOOD_ROWS) {
      const result = results.find((r) => r.rowNumber === expected.rowNumber);
      expect(result?.errors).toEqual([]);
      const project = result?.project;
      expect(ProjectSchema.safeParse(project).success).toBe(true);
      expect(project).toMatchObject({
        name: expected.name,
        totalInvestment: expected.totalInvestment,
        annualPlan: expected.annualPlan,
        completedThisYear: expected.completedThisYear,
        completedTotal: expected.completedTotal,
        planYear: 2026,
        createdAt: NOW,
        updatedAt: NOW,
        funding: [],
      });
      expect(project?.milestones.map((m) => m.kind)).toEqual([...MILESTONE_KINDS]);
    }
    expect(results[0]?.project?.completedTotal).toBe(3_422_500_000);
  });

  it('resolves towns, units (also by the end of their name in the county) and leaders with a title', async () => {
    const [simao, ninger, jinggu] = await issuedResults();
    expect(simao?.project).toMatchObject({
      category: 'sewage',
      regionId: 'r-nanping',
      responsibleUnitIds: ['u-simao-construction', 'u-simao-water'],
      leaderId: 'p-li',
      phase: 'underConstruction',
      notes: '列入中央扩大内需项目',
    });
    expect(simao?.project?.milestones.find((m) => m.kind === 'groundbreaking')).toEqual({
      kind: 'groundbreaking',
      planned: '2026-03-01',
      actual: null,
    });
    expect(simao?.warnings).toEqual([]);
    expect(ninger?.project).toMatchObject({
      regionId: 'r-ninger',
      responsibleUnitIds: ['u-ninger-construction', 'u-ninger-environment'],
      leaderId: 'p-zhang',
      phase: 'continuing',
    });
    expect(jinggu?.project).toMatchObject({
      category: 'shantyTown',
      regionId: 'r-weiyuan',
      phase: 'preparation',
    });
    expect(jinggu?.project?.scale).toEqual({
      areaM2: 29500,
      completedAreaM2: null,
      households: 590,
      capacity: null,
      landMu: null,
      description: '',
    });
    expect(jinggu?.warnings.map((w) => w.message.zh)).toEqual([
      "第5行 计划开工：'2026年6月' 按 2026-06-01 记录",
    ]);
  });

  it('reports the bad row in both languages with its Excel row number', async () => {
    const bad = (await issuedResults()).find((r) => r.rowNumber === ISSUED_BAD_ROW.rowNumber);
    expect(bad?.project).toBeNull();
    expect(bad?.errors).toEqual([
      {
        field: 'county',
        message: {
          zh: "第6行 所属县(区)：'澜沧县' 不在地区名录中",
          en: "Row 6, county or district: '澜沧县' is not a known county or district",
        },
      },
      {
        field: 'totalInvestment',
        message: {
          zh: "第6行 计划总投资：'12a' 不是有效金额",
          en: "Row 6, total investment: '12a' is not an amount",
        },
      },
    ]);
    expect(bad?.warnings.map((w) => w.field)).toEqual(['responsibleUnits']);
  });

  it('imports only with every row valid, or with bad rows skipped', async () => {
    const results = await issuedResults();
    expect(summarize(results)).toEqual({ valid: 3, invalid: 1, withWarnings: 1 });
    expect(projectsToImport(results, false)).toBeNull();
    expect(projectsToImport(results, true)?.map((p) => p.name)).toEqual(ISSUED_GOOD_ROWS.map((r) => r.name));
    expect(new Set(projectsToImport(results, true)?.map((p) => p.id)).size).toBe(3);
  });

  it("fits the sample campaign's organization, so the end-to-end spec can import it", async () => {
    const campaign = await generateCampaign({ today: '2026-11-27', scale: { photos: 0 } });
    const results = await issuedResults(
      context({
        regions: campaign.regions,
        units: campaign.units,
        people: campaign.people,
        existingProjectNames: campaign.projects.map((p) => p.name),
      }),
    );
    const good = results.filter((r) => r.rowNumber !== ISSUED_BAD_ROW.rowNumber);
    expect(good.map((r) => r.errors)).toEqual([[], [], []]);
    expect(good.flatMap((r) => r.warnings.map((w) => w.field))).toEqual(['plannedStart']);
    expect(
      good.every((r) => r.project && r.project.responsibleUnitIds.length > 0 && r.project.leaderId),
    ).toBe(true);
  });
});

describe('validateRows decisions', () => {
  const headers = [
    '项目名称',
    '所属县(区)',
    '计划总投资（万元）',
    '责任单位',
    '包抓领导',
    '项目阶段',
    '项目类别',
  ];

  it('refuses names already in the ledger unless told to add them as new projects', () => {
    const sheet = sheetOf(headers, [
      ['思茅区城南污水管网改造工程', '思茅区', 100, null, null, '在建', '污水处理'],
    ]);
    const existingProjectNames = ['思茅区城南污水管网改造工程 '];
    const [refused] = validateRows(sheet, guessMapping(headers), context({ existingProjectNames }));
    expect(refused?.project).toBeNull();
    expect(refused?.errors[0]?.message).toEqual({
      zh: '第2行 项目名称：台账中已有同名项目',
      en: 'Row 2, project name: a project of this name is already in the ledger',
    });
    const [added] = validateRows(
      sheet,
      guessMapping(headers),
      context({ existingProjectNames, allowExistingNames: true }),
    );
    expect(added?.project).not.toBeNull();
    expect(added?.warnings[0]?.message.en).toContain('will be added as a new project');
  });

  it('refuses the later rows of a name repeated in the file and tells the first', () => {
    const sheet = sheetOf(headers, [
      ['甲项目', '思茅区', 1, null, null, null, null],
      ['乙项目', '思茅区', 2, null, null, null, null],
      ['甲项目', '宁洱县', 3, null, null, null, null],
    ]);
    const [first, , third] = validateRows(sheet, guessMapping(headers), context());
    expect(first?.project).not.toBeNull();
    expect(first?.warnings.map((w) => w.message.zh)).toContain('第2行 项目名称：第4行的项目名称与本行相同');
    expect(third?.project).toBeNull();
    expect(third?.errors[0]?.message.zh).toBe('第4行 项目名称：与第2行项目名称重复');
  });

  it('leaves unknown units and leaders out with a warning; an unknown phase is an error', () => {
    const sheet = sheetOf(headers, [
      ['甲项目', '思茅区', 1, '思茅住建局、气象局', '王五', '在建', '水利'],
      ['乙项目', '思茅区', 1, null, null, '进行中', null],
    ]);
    const [first, second] = validateRows(sheet, guessMapping(headers), context());
    expect(first?.project).toMatchObject({
      responsibleUnitIds: ['u-simao-construction'],
      leaderId: null,
      category: 'other',
    });
    expect(first?.warnings.map((w) => w.field)).toEqual(['category', 'responsibleUnits', 'leader']);
    expect(second?.project).toBeNull();
    expect(second?.errors.map((e) => e.field)).toEqual(['phase']);
    expect(second?.warnings.map((w) => w.field)).toEqual(['category']); // blank category → 其他
  });

  it('requires a name and a county, unless a default region is given; skips totals and footnotes', () => {
    const sheet = sheetOf(headers, [
      [null, '思茅区', 1, null, null, null, null],
      ['甲项目', null, 1, null, null, null, null],
      ['合计（2个）', null, 2, null, null, null, null],
      [null, '注：金额单位为万元', null, null, null, null, null],
      ['总计划生育服务中心', '思茅区', 1, null, null, null, null], // a name, not a total
    ]);
    const results = validateRows(sheet, guessMapping(headers), context());
    expect(results.map((r) => r.rowNumber)).toEqual([2, 3, 6]);
    expect(results.map((r) => r.errors.map((e) => e.field))).toEqual([['name'], ['county'], []]);
    const withDefault = validateRows(sheet, guessMapping(headers), context({ defaultRegionId: 'r-jinggu' }));
    expect(withDefault[1]?.project?.regionId).toBe('r-jinggu');
  });

  it('reads "county town" in one cell, short county names, and amounts in a 亿元 column', () => {
    const h = ['项目名称', '县区', '总投资（亿元）'];
    const sheet = sheetOf(h, [
      ['甲项目', '宁洱县 宁洱镇', 1.5],
      ['乙项目', '思茅区南屏镇', '0.25'],
      ['丙项目', '景谷', 0],
    ]);
    const results = validateRows(sheet, guessMapping(h), context());
    expect(results.map((r) => r.project?.regionId)).toEqual(['r-ninger-town', 'r-nanping', 'r-jinggu']);
    expect(results.map((r) => r.project?.totalInvestment)).toEqual([15_000_000_000, 2_500_000_000, 0]);
  });

  it('gives the negative and malformed cells of every kind their own message', () => {
    const h = ['项目名称', '县区', '累计完成投资', '年度', '计划开工', '户数'];
    const [row] = validateRows(
      sheetOf(h, [['甲项目', '思茅区', -3, '明年', '下个月', '很多']]),
      guessMapping(h),
      context(),
    );
    expect(row?.errors.map((e) => e.message.zh)).toEqual([
      "第2行 累计完成投资：'-3' 不能为负数",
      "第2行 年度：'明年' 不是有效年份",
      "第2行 计划开工：'下个月' 不是有效日期",
      "第2行 户数：'很多' 不是有效户数",
    ]);
    expect(row?.errors.map((e) => e.message.en)).toEqual([
      "Row 2, completed to date: '-3' cannot be negative",
      "Row 2, plan year: '明年' is not a year",
      "Row 2, planned start: '下个月' is not a date",
      "Row 2, households: '很多' is not a whole number of households",
    ]);
  });
});
