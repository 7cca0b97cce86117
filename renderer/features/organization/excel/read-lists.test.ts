import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Region, Unit } from '../../../../shared/domain/organization';
import { makeListsTemplate } from './lists-sheets';
import { planLists } from './plan-lists';
import { ListsFileError, readListsWorkbook } from './read-lists';

const NOW = '2026-12-07T02:00:00.000Z';

async function bytesOf(book: ExcelJS.Workbook): Promise<ArrayBuffer> {
  const data = await book.xlsx.writeBuffer();
  return new Uint8Array(data).slice().buffer;
}

/** A lists workbook as a team fills it in: the template's sheets with rows. */
async function listsFile(sheets: Record<string, (string | number | null)[][]>): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await makeListsTemplate());
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.getWorksheet(name) ?? book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return bytesOf(book);
}

async function problemsOf(data: ArrayBuffer): Promise<string[]> {
  const error: unknown = await readListsWorkbook(data).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ListsFileError);
  return (error as ListsFileError).problems.map((p) => p.zh);
}

const CITY: Region = {
  id: 'c-city',
  createdAt: NOW,
  updatedAt: NOW,
  name: '普洱市',
  level: 'city',
  parentId: null,
};
const SIMAO: Region = { ...CITY, id: 'c-simao', name: '思茅区', level: 'county', parentId: CITY.id };
const ZHUJIAN: Unit = {
  id: 'u-zj',
  createdAt: NOW,
  updatedAt: NOW,
  name: '普洱市思茅区住房和城乡建设局',
  shortName: '思茅住建局',
  kind: 'construction',
  regionId: SIMAO.id,
};

describe('the lists template', () => {
  it('has the three sheets with their headers, and reads back as an empty list', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await makeListsTemplate());
    expect(book.worksheets.map((s) => s.name)).toEqual(['县区乡镇', '责任单位', '人员']);
    expect((book.getWorksheet('责任单位')?.getRow(1).values as unknown[]).slice(1)).toEqual([
      '全称',
      '简称',
      '类别',
      '所属县区',
      '上级单位',
    ]);
    expect(await readListsWorkbook(await makeListsTemplate())).toEqual({
      regions: [],
      units: [],
      people: [],
    });
  });
});

describe('readListsWorkbook and planLists', () => {
  it('plans the new counties, towns, units and people, and skips what the lists already hold', async () => {
    const data = await listsFile({
      县区乡镇: [
        ['孟连县', null],
        ['孟连县', '娜允镇'],
        ['思茅区', null],
      ],
      责任单位: [
        ['孟连县住房和城乡建设局', '孟连住建局', '住建', '孟连县', null],
        ['孟连县住建局村镇股', null, null, '孟连县', '孟连住建局'],
        ['普洱市思茅区住房和城乡建设局', '思茅住建局', '住建', '思茅区', null],
      ],
      人员: [
        ['岩温', '局长', 13800000000, '孟连住建局'],
        ['李督查', '组员', null, null],
      ],
    });
    const book = await readListsWorkbook(data);
    let n = 0;
    const plan = planLists(
      book,
      { regions: [CITY, SIMAO], units: [ZHUJIAN], people: [] },
      { cityId: CITY.id, teamId: 'team-1', now: NOW, newId: () => `new-${++n}` },
    );
    const [county, town] = plan.add.regions as [Region, Region];
    expect(county).toMatchObject({ name: '孟连县', level: 'county', parentId: CITY.id });
    expect(town).toMatchObject({ name: '娜允镇', level: 'town', parentId: county.id });
    const [bureau, section] = plan.add.units as [Unit, Unit];
    expect(bureau).toMatchObject({
      shortName: '孟连住建局',
      kind: 'construction',
      regionId: county.id,
      parentId: null,
    });
    expect(section).toMatchObject({ shortName: '孟连县住建局村镇股', kind: 'other', parentId: bureau.id });
    expect(plan.add.people).toMatchObject([
      { name: '岩温', title: '局长', phone: '13800000000', unitId: bureau.id, teamId: null },
      { name: '李督查', unitId: null, teamId: 'team-1' },
    ]);
    expect(plan.skipped).toEqual({
      regions: ['思茅区'],
      units: ['普洱市思茅区住房和城乡建设局'],
      people: [],
    });
  });

  it('refuses a file that is not a workbook', async () => {
    expect(await problemsOf(new TextEncoder().encode('项目,县区\n').slice().buffer)).toEqual([
      '不是Excel工作簿（.xlsx）。旧版 .xls 请先另存为 .xlsx。',
    ]);
  });

  it('names a missing sheet, a missing header, a repeated name and an unknown kind, with sheet and row', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('县区乡镇').addRows([['县区'], ['孟连县']]);
    book.addWorksheet('责任单位').addRows([
      ['全称', '简称', '类别', '所属县区', '上级单位'],
      ['孟连县住建局', null, '建设口', null, null],
      ['孟连县水务局', null, '水务', null, null],
      ['孟连县水务局', null, '水务', null, null],
    ]);
    expect(await problemsOf(await bytesOf(book))).toEqual([
      '工作表“县区乡镇”第1行：缺少表头：乡镇',
      '工作表“人员”：缺少此工作表（请使用“下载模板”得到的格式）',
      expect.stringContaining('工作表“责任单位”第2行：类别“建设口”无法识别'),
      '工作表“责任单位”第4行：全称“孟连县水务局”与第3行重复',
    ]);
  });

  it('refuses a unit whose county is neither in the file nor on the lists', async () => {
    const data = await listsFile({ 责任单位: [['澜沧县住建局', null, null, '澜沧县', null]] });
    const book = await readListsWorkbook(data);
    expect(() =>
      planLists(
        book,
        { regions: [CITY], units: [], people: [] },
        { cityId: null, teamId: null, now: NOW, newId: () => 'x' },
      ),
    ).toThrow(ListsFileError);
  });
});
