import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Region, Unit } from '../../../../shared/domain/organization';
import { additionNames, type AdditionsContext, checkWithAdditions, usedAdditions } from './additions';
import { guessMapping } from './mapping';
import { readSheet } from './read-workbook';
import { projectsToImport } from './validate-rows';

const NOW = '2026-12-07T02:00:00.000Z';
const CITY: Region = {
  id: '019a0000-0000-7000-8000-00000000c171',
  createdAt: NOW,
  updatedAt: NOW,
  name: '普洱市',
  level: 'city',
  parentId: null,
};

function context(overrides: Partial<AdditionsContext> = {}): AdditionsContext {
  let n = 0;
  return {
    regions: [CITY],
    units: [],
    people: [],
    existingProjectNames: [],
    today: '2026-12-07',
    now: NOW,
    newId: () => `019a0000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
    cityId: CITY.id,
    retiredRegions: [],
    retiredUnits: [],
    ...overrides,
  };
}

/** A project list as a team receives it, built with ExcelJS and read back as the dialog reads it. */
async function listOf(rows: (string | number)[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('项目清单');
  sheet.addRow(['项目名称', '所属县(区)', '乡镇', '责任单位', '计划总投资（万元）', '建设阶段']);
  for (const row of rows) sheet.addRow(row);
  const bytes = await workbook.xlsx.writeBuffer();
  const data = new Uint8Array(bytes).slice().buffer;
  const read = await readSheet(data);
  return { sheet: read, mapping: guessMapping(read.headers) };
}

describe('checkWithAdditions', () => {
  it('offers exactly the unknown county, town and unit, and the projects reference them', async () => {
    const { sheet, mapping } = await listOf([
      ['思茅污水处理厂二期', '思茅区', '倚象镇', '孟连县住建局', 1200, '在建'],
      ['思茅垃圾中转站', ' 思茅区 ', '', '孟连县住建局', 300, '前期'],
    ]);
    const { results, candidates } = checkWithAdditions(sheet, mapping, context());
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    const projects = projectsToImport(results, false) ?? [];
    expect(projects).toHaveLength(2);
    const additions = usedAdditions(candidates, projects);
    expect(additionNames(additions, [CITY])).toEqual({
      regions: ['思茅区', '思茅区 倚象镇'],
      units: ['孟连县住建局'],
      restored: [],
    });
    const [county, town] = additions.regions as [Region, Region];
    expect(county).toMatchObject({ level: 'county', parentId: CITY.id });
    expect(town).toMatchObject({ level: 'town', parentId: county.id });
    const [unit] = additions.units as [Unit];
    expect(unit).toMatchObject({ shortName: '孟连县住建局', kind: 'other', regionId: county.id });
    expect(projects[0]).toMatchObject({ regionId: town.id, responsibleUnitIds: [unit.id] });
    // The same names in another row (spaced differently) are offered once.
    expect(projects[1]).toMatchObject({ regionId: county.id, responsibleUnitIds: [unit.id] });
  });

  it('offers a county once when rows write it long and short (孟连县, 孟连)', async () => {
    const { sheet, mapping } = await listOf([
      ['孟连县城污水厂', '孟连县', '', '', 100, '在建'],
      ['孟连县垃圾场', '孟连', '', '', 100, '在建'],
    ]);
    const { results, candidates } = checkWithAdditions(sheet, mapping, context());
    const projects = projectsToImport(results, false) ?? [];
    const additions = usedAdditions(candidates, projects);
    expect(additionNames(additions, [CITY]).regions).toEqual(['孟连县']);
    expect(new Set(projects.map((p) => p.regionId))).toEqual(new Set([additions.regions[0]?.id]));
  });

  it('restores a retired county instead of adding a second one, and says so', async () => {
    const retired: Region = {
      ...CITY,
      id: '019a0000-0000-7000-8000-0000000000aa',
      name: '孟连县',
      level: 'county',
      parentId: CITY.id,
      retired: true,
    };
    const { sheet, mapping } = await listOf([['孟连县城污水厂', '孟连县', '', '', 100, '在建']]);
    const { results, candidates } = checkWithAdditions(
      sheet,
      mapping,
      context({ retiredRegions: [retired] }),
    );
    const additions = usedAdditions(candidates, projectsToImport(results, false) ?? []);
    expect(additions.regions).toEqual([]);
    expect(additions.restoredRegions).toEqual([{ ...retired, retired: false, updatedAt: NOW }]);
    expect(additionNames(additions, [CITY]).restored).toEqual(['孟连县']);
    expect(results[0]?.project?.regionId).toBe(retired.id);
  });

  it('still blocks rows with other errors, and offers nothing only they would use', async () => {
    const { sheet, mapping } = await listOf([
      ['好项目', '宁洱县', '', '', 100, '在建'],
      ['坏项目', '景谷县', '', '景谷林业局', 'abc', '在建'],
    ]);
    const { results, candidates } = checkWithAdditions(sheet, mapping, context());
    const bad = results.find((r) => r.name === '坏项目');
    expect(bad?.errors.map((e) => e.message.zh)).toEqual(["第3行 计划总投资：'abc' 不是有效金额"]);
    expect(projectsToImport(results, false)).toBeNull();
    const skipping = projectsToImport(results, true) ?? [];
    expect(additionNames(usedAdditions(candidates, skipping), [CITY])).toEqual({
      regions: ['宁洱县'],
      units: [],
      restored: [],
    });
  });
});
