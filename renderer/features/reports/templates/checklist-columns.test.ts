import { describe, expect, it } from 'vitest';
import { checklistColumns, NUMBER_COLUMN_PERCENT } from './checklist-columns';

const row = (item: string, finding: string, result: string, note: string) => ({
  item,
  finding,
  result,
  note,
});
const total = (columns: { percent: number }[]) =>
  columns.reduce((sum, c) => sum + c.percent, NUMBER_COLUMN_PERCENT);

describe("the visit record's checklist columns", () => {
  it('gives a long finding a wide column of its own, not the result column, and keeps the note apart', () => {
    const rows = [
      row(
        '围挡是否完整、稳固',
        '东侧围挡约三十米倒塌，施工区域与村道之间无任何隔离，夜间无警示灯',
        '',
        '已拍照',
      ),
      row('是否设置警示标志', '', '否', ''),
      row('现场作业人数', '42', '', '含分包单位'),
    ];
    const columns = checklistColumns(rows);
    expect(columns.map((c) => c.column)).toEqual(['item', 'finding', 'result', 'note']);
    const width = Object.fromEntries(columns.map((c) => [c.column, c.percent]));
    expect(width.finding).toBeGreaterThan(width.result ?? 100);
    expect(width.finding).toBeGreaterThan(width.note ?? 100);
    expect(total(columns)).toBeCloseTo(100, 0);
  });

  it('leaves out a column no answer fills', () => {
    const yesNo = [row('是否办理施工许可', '', '是', ''), row('是否公示', '', '否', '')];
    expect(checklistColumns(yesNo).map((c) => c.column)).toEqual(['item', 'result']);
    expect(total(checklistColumns(yesNo))).toBeCloseTo(100, 0);
  });

  it('keeps every column within its floor and ceiling', () => {
    const huge = 'x'.repeat(2000);
    const columns = checklistColumns([row('短', huge, '是', '注')]);
    for (const c of columns) {
      expect(c.percent).toBeGreaterThanOrEqual(9);
      expect(c.percent).toBeLessThanOrEqual(60);
    }
    expect(total(columns)).toBeCloseTo(100, 0);
  });
});

describe('a yes/no checklist', () => {
  it('gives the item what the short result does not need', () => {
    const rows = [
      { item: '施工现场围挡是否连续设置且高度不低于2.5米', finding: '', result: '是', note: '' },
      { item: '出入口是否设置车辆冲洗设施', finding: '', result: '否', note: '' },
    ];
    const [item, result] = checklistColumns(rows);
    expect(item?.percent).toBeGreaterThan(70);
    expect(result?.percent).toBeLessThan(20);
  });
});
