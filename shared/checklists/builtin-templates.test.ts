import { describe, expect, it } from 'vitest';
import { ChecklistTemplateSchema } from '../domain/checklist';
import { BUILTIN_TEMPLATES, DUST_CONTROL_TEMPLATE, DUST_CONTROL_TEMPLATE_KEY } from './builtin-templates';

describe('built-in checklist templates', () => {
  it('are valid, built-in, version 1, with fixed distinct ids and keys', () => {
    for (const t of BUILTIN_TEMPLATES) {
      expect(ChecklistTemplateSchema.safeParse(t).success).toBe(true);
      expect(t.builtIn).toBe(true);
      expect(t.version).toBe(1);
      const itemIds = t.sections.flatMap((s) => s.items.map((i) => i.id));
      expect(new Set(itemIds).size).toBe(itemIds.length);
    }
    expect(new Set(BUILTIN_TEMPLATES.map((t) => t.id)).size).toBe(5);
    expect(BUILTIN_TEMPLATES.map((t) => t.key)).toEqual([
      'dustControl',
      'approvals',
      'safetyQuality',
      'threeSimultaneous',
      'fundsUse',
    ]);
  });

  it('score the eight dust-control items to 100 and require a site photo', () => {
    expect(DUST_CONTROL_TEMPLATE.key).toBe(DUST_CONTROL_TEMPLATE_KEY);
    const items = DUST_CONTROL_TEMPLATE.sections.flatMap((s) => s.items);
    const scored = items.filter((i) => i.score !== null);
    expect(scored.map((i) => i.text)).toEqual([
      '工地周边100%围挡',
      '物料堆放100%覆盖',
      '出入车辆100%冲洗',
      '施工现场地面100%硬化',
      '拆迁工地100%湿法作业',
      '渣土车辆100%密闭运输',
      '扬尘在线监测100%安装',
      '视频监控100%联网',
    ]);
    expect(scored.reduce((sum, i) => sum + (i.score ?? 0), 0)).toBe(100);
    expect(items.some((i) => i.answerKind === 'photo' && i.required)).toBe(true);
    expect(items.some((i) => i.answerKind === 'number' && i.unit !== null)).toBe(true);
    expect(items.some((i) => i.answerKind === 'text')).toBe(true);
  });

  it('cover the approvals named in DOMAIN.md', () => {
    const approvals = BUILTIN_TEMPLATES.find((t) => t.key === 'approvals');
    expect(approvals?.sections.flatMap((s) => s.items.map((i) => i.text)).join('|')).toMatch(
      /立项.*规划许可.*用地批复.*环评批复.*施工许可/,
    );
  });
});
