import { describe, expect, it } from 'vitest';
import { ISSUED_LIST_HEADERS } from '../../../../test/fixtures/excel/issued-list';
import { cleanText } from './cells';
import { LEDGER_FIELDS, matchHeader, moneyUnitOf, parseCategory, parsePhase } from './columns';
import {
  emptyMapping,
  guessMapping,
  headerSignature,
  missingRequired,
  restoreMapping,
  sharedColumns,
} from './mapping';

describe('guessMapping', () => {
  it("maps every field of an issued list written in the office's own words", () => {
    const mapping = guessMapping(ISSUED_LIST_HEADERS.map(cleanText));
    expect(mapping).toEqual({
      name: 1,
      category: 2,
      county: 3,
      town: 4,
      owner: 5,
      responsibleUnits: 6,
      leader: 7,
      totalInvestment: 8,
      planYear: null, // the list has no 年度 column
      annualPlan: 9,
      completedThisYear: 10,
      completedTotal: 11,
      phase: 12,
      plannedStart: 13,
      areaM2: 14,
      households: 15,
      notes: 16,
    });
  });

  it('maps all seventeen fields from the usual synonyms', () => {
    const headers = [
      '序号',
      '工程名称',
      '类别',
      '县（市、区）',
      '所属乡镇',
      '项目业主',
      '牵头单位',
      '联系领导',
      '投资总额(万元)',
      '年度',
      '年度计划投资（万元）',
      '本年完成投资(万元)',
      '累计完成投资',
      '建设阶段',
      '计划开工日期',
      '建筑面积（㎡）',
      '保障户数',
      '备  注',
    ];
    const mapping = guessMapping(headers);
    expect(LEDGER_FIELDS.filter((f) => mapping[f] === null)).toEqual([]);
    expect(mapping.totalInvestment).toBe(8);
    expect(mapping.planYear).toBe(9);
  });

  it("maps our own export's two-row header and ignores the columns it does not import", () => {
    const headers = [
      '序号',
      '项目名称',
      '项目类别',
      '所属县(区)',
      '项目业主',
      '责任单位',
      '包抓领导',
      '投资情况（万元）/计划总投资',
      '投资情况（万元）/年度计划',
      '投资情况（万元）/本年完成',
      '投资情况（万元）/累计完成',
      '投资情况（万元）/年度投资完成率',
      '建设进度/项目阶段',
      '建设进度/计划开工',
      '建设进度/实际开工',
      '备注',
    ];
    const mapping = guessMapping(headers);
    expect(mapping).toMatchObject({
      totalInvestment: 7,
      annualPlan: 8,
      completedThisYear: 9,
      completedTotal: 10,
      phase: 12,
      plannedStart: 13,
      notes: 15,
    });
    expect(Object.values(mapping)).not.toContain(11); // 年度投资完成率
    expect(Object.values(mapping)).not.toContain(14); // 实际开工
  });

  it('recognises headers with spaces, line breaks, full-width brackets and required marks', () => {
    expect(matchHeader('计 划 总 投 资（万元）')?.field).toBe('totalInvestment');
    expect(matchHeader(cleanText('计划总投资\n(万元)'))?.field).toBe('totalInvestment');
    expect(matchHeader('*项目名称')?.field).toBe('name');
    expect(matchHeader('2026年1-10月完成投资')?.field).toBe('completedThisYear');
    expect(matchHeader('2026年度计划投资')?.field).toBe('annualPlan');
    expect(matchHeader('本年累计完成投资')?.field).toBe('completedThisYear');
    expect(matchHeader('开工以来累计完成投资')?.field).toBe('completedTotal');
    expect(matchHeader('是否重点项目')).toBeNull(); // "项目" alone matches only exactly
    expect(matchHeader('序号')).toEqual({ field: null, strength: 3 });
  });

  it('prefers the surest match, then the leftmost column, for a field named twice', () => {
    expect(guessMapping(['总投资', '计划总投资']).totalInvestment).toBe(0);
    expect(guessMapping(['投资/计划总投资', '计划总投资']).totalInvestment).toBe(1);
  });
});

describe('money units and values of the enumerated columns', () => {
  it('reads the unit from the header', () => {
    expect(moneyUnitOf('计划总投资（万元）')).toBe('wan');
    expect(moneyUnitOf('计划总投资')).toBe('wan');
    expect(moneyUnitOf('总投资(亿元)')).toBe('yi');
    expect(moneyUnitOf('完成投资（元）')).toBe('yuan');
  });

  it('accepts the Chinese labels, synonyms and English keys of categories and phases', () => {
    expect(parseCategory('廉租住房')).toBe('lowRentHousing');
    expect(parseCategory('lowRentHousing')).toBe('lowRentHousing');
    expect(parseCategory('经济适用房')).toBe('affordableHousing');
    expect(parseCategory('棚改')).toBe('shantyTown');
    expect(parseCategory('园区基础设施')).toBe('industrialPark');
    expect(parseCategory('水利')).toBeNull();
    expect(parsePhase('续建')).toBe('continuing');
    expect(parsePhase('underConstruction')).toBe('underConstruction');
    expect(parsePhase('已投产')).toBe('operating');
    expect(parsePhase('进行中')).toBeNull();
  });
});

describe('remembering a mapping', () => {
  it('keys a layout by its normalised headers', () => {
    const a = headerSignature(['项目名称', '计划总投资（万元）']);
    expect(headerSignature([' 项目名称', '计划总投资(万元)'])).toBe(a);
    expect(headerSignature(['计划总投资（万元）', '项目名称'])).not.toBe(a);
    expect(headerSignature(['项目名称', '计划总投资（万元）', ''])).not.toBe(a);
  });

  it('survives JSON and is refused when it no longer fits the headers', () => {
    const mapping = guessMapping(ISSUED_LIST_HEADERS.map(cleanText));
    const stored: unknown = JSON.parse(JSON.stringify(mapping));
    expect(restoreMapping(stored, ISSUED_LIST_HEADERS.length)).toEqual(mapping);
    expect(restoreMapping(stored, 10)).toBeNull();
    expect(restoreMapping({ name: 'B' }, 5)).toBeNull();
    expect(restoreMapping('nonsense', 5)).toBeNull();
    expect(restoreMapping({ name: 0, retired: 3 }, 5)).toEqual({ ...emptyMapping(), name: 0 });
  });

  it('names what the dialog must resolve: required fields and shared columns', () => {
    expect(missingRequired(emptyMapping())).toEqual(['name']);
    expect(missingRequired({ ...emptyMapping(), name: 0 })).toEqual([]);
    const shared = sharedColumns({ ...emptyMapping(), name: 0, owner: 0, notes: 2 });
    expect([...shared]).toEqual([[0, ['name', 'owner']]]);
  });
});
