// The team's lists as one workbook: the sheets and headers a lists file must have (the template writes
// exactly these), and the unit kinds by the short names offices use (发改, 住建 …).
import ExcelJS from 'exceljs';
import type { Unit } from '../../../../shared/domain/organization';

export const REGIONS_SHEET = '县区乡镇';
export const UNITS_SHEET = '责任单位';
export const PEOPLE_SHEET = '人员';

export const LIST_SHEETS = {
  [REGIONS_SHEET]: ['县区', '乡镇'],
  [UNITS_SHEET]: ['全称', '简称', '类别', '所属县区', '上级单位'],
  [PEOPLE_SHEET]: ['姓名', '职务', '电话', '所属单位'],
} as const;

export type ListSheet = keyof typeof LIST_SHEETS;

/** 类别 as written in a lists file; the app's own labels, so an exported list reads back. */
export const UNIT_KIND_NAMES: Record<Unit['kind'], string> = {
  development: '发改',
  landResources: '国土',
  construction: '住建',
  water: '水务',
  forestry: '林业',
  environment: '环保',
  planning: '规划',
  finance: '财政',
  power: '供电',
  transport: '交通',
  government: '县(区)政府',
  enterprise: '项目业主',
  other: '其他',
};

// Column widths in characters: a unit's full name is the longest cell.
const WIDTHS: Record<string, number> = { 全称: 36, 上级单位: 24, 所属单位: 24, 电话: 16 };

/** An empty lists workbook: the three sheets with their headers, frozen, and the kinds as a hint. */
export async function makeListsTemplate(): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, headers] of Object.entries(LIST_SHEETS)) {
    const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = headers.map((header) => ({ header, width: WIDTHS[header] ?? 14 }));
    sheet.getRow(1).font = { bold: true };
    if (name === UNITS_SHEET) {
      sheet.getCell('C1').note = `类别可填：${Object.values(UNIT_KIND_NAMES).join('、')}`;
    }
  }
  const data = await book.xlsx.writeBuffer();
  const view = ArrayBuffer.isView(data) ? data : new Uint8Array(data);
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice().buffer;
}
