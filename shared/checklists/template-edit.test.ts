import { describe, expect, it } from 'vitest';
import { ChecklistTemplateSchema } from '../domain/checklist';
import { BUILTIN_TEMPLATES, DUST_CONTROL_TEMPLATE } from './builtin-templates';
import {
  DRAFT_LIMITS,
  draftOf,
  duplicateTemplate,
  emptyItem,
  firstVersion,
  InvalidDraftError,
  isUnchanged,
  itemCount,
  maxScore,
  newTemplate,
  newTemplateKey,
  nextVersion,
  type TemplateDraft,
  validateDraft,
  validateTemplate,
  withAnswerKind,
} from './template-edit';

const AT = '2026-12-01T02:00:00.000Z';
const counter = () => {
  let n = 0;
  return () => `new-${++n}`;
};
const dustDraft = (): TemplateDraft => draftOf(DUST_CONTROL_TEMPLATE);
const itemIds = (t: { sections: { items: { id: string }[] }[] }) =>
  t.sections.flatMap((s) => s.items.map((i) => i.id));

describe('validating a draft', () => {
  it('accepts every built-in template as it is', () => {
    for (const t of BUILTIN_TEMPLATES) expect(validateTemplate(t)).toEqual([]);
  });

  it('requires a name, a section with an item, section titles and item texts', () => {
    expect(validateDraft({ name: '  ', sections: [] })).toEqual([
      { path: ['name'], problem: 'required' },
      { path: ['sections'], problem: 'noSections' },
    ]);
    expect(
      validateDraft({
        name: '临时检查',
        sections: [
          { title: '', items: [] },
          { title: '现场', items: [{ ...emptyItem(), text: ' ' }] },
        ],
      }),
    ).toEqual([
      { path: ['sections', 0, 'title'], problem: 'required' },
      { path: ['sections', 0, 'items'], problem: 'noItems' },
      { path: ['sections', 1, 'items', 0, 'text'], problem: 'required' },
    ]);
  });

  it('keeps texts within the lengths the stored schema allows', () => {
    const draft = newTemplate('x'.repeat(DRAFT_LIMITS.name + 1), '现场');
    draft.sections[0]!.items[0] = {
      ...withAnswerKind(emptyItem(), 'number'),
      text: '读数',
      unit: 'u'.repeat(DRAFT_LIMITS.unit + 1),
    };
    expect(validateDraft(draft)).toEqual([
      { path: ['name'], problem: 'tooLong', limit: 100 },
      { path: ['sections', 0, 'items', 0, 'unit'], problem: 'tooLong', limit: 20 },
    ]);
  });

  it('allows a unit only on number items, and a score only on yes / no items, never negative', () => {
    const draft = newTemplate('检查', '现场');
    draft.sections[0]!.items = [
      { ...emptyItem(), text: '围挡', unit: '米' },
      { ...emptyItem(), text: '照片', answerKind: 'photo', score: 5 },
      { ...emptyItem(), text: '围挡长度', answerKind: 'number', unit: '米', score: -1 },
      { ...emptyItem(), text: '覆盖', score: Number.NaN },
      { ...emptyItem(), text: '冲洗', score: 0, unit: '  ' },
    ];
    expect(validateDraft(draft)).toEqual([
      { path: ['sections', 0, 'items', 0, 'unit'], problem: 'unitOnlyForNumber' },
      { path: ['sections', 0, 'items', 1, 'score'], problem: 'scoreOnlyForYesNo' },
      { path: ['sections', 0, 'items', 2, 'score'], problem: 'invalidScore' },
      { path: ['sections', 0, 'items', 3, 'score'], problem: 'invalidScore' },
    ]);
  });

  it('finds item ids used twice and section titles used twice', () => {
    const draft = dustDraft();
    draft.sections[1]!.items[0]!.sourceId = 'enclosure';
    draft.sections[2]!.title = ' 六个百分百 ';
    expect(validateDraft(draft)).toEqual([
      { path: ['sections', 1, 'items', 0, 'id'], problem: 'duplicateItemId' },
      { path: ['sections', 2, 'title'], problem: 'duplicateSectionTitle' },
    ]);
  });
});

describe('the next version of a template', () => {
  it('keeps the key, counts up, is no longer built-in, and leaves the version it came from alone', () => {
    const before = structuredClone(DUST_CONTROL_TEMPLATE);
    const draft = dustDraft();
    draft.sections[2]!.items.push({
      ...withAnswerKind(emptyItem(), 'number'),
      text: '  PM2.5读数 ',
      unit: 'μg/m³',
    });
    const next = nextVersion(DUST_CONTROL_TEMPLATE, draft, { id: 'v2', at: AT, newItemId: counter() });
    expect(ChecklistTemplateSchema.parse(next)).toEqual(next);
    expect(next).toMatchObject({
      id: 'v2',
      key: 'dustControl',
      version: 2,
      builtIn: false,
      createdAt: AT,
      updatedAt: AT,
    });
    expect(itemIds(next)).toEqual([...itemIds(DUST_CONTROL_TEMPLATE), 'new-1']);
    expect(next.sections[2]!.items[3]).toEqual({
      id: 'new-1',
      text: 'PM2.5读数',
      answerKind: 'number',
      unit: 'μg/m³',
      score: null,
      required: true,
    });
    expect(DUST_CONTROL_TEMPLATE).toEqual(before);
  });

  it('keeps item ids through rewording and moves, but not through a change of answer kind or unit', () => {
    const draft = dustDraft();
    const [six, local, record] = draft.sections;
    six!.items[0]!.text = '工地周边100%围挡（含临街面）';
    local!.items.reverse();
    record!.items[0]!.unit = 'mg/m³'; // pm10: a different unit makes old readings incomparable
    record!.items[2] = withAnswerKind(record!.items[2]!, 'yesNoNa'); // remarks: text → yes / no
    draft.sections.reverse();
    const next = nextVersion(DUST_CONTROL_TEMPLATE, draft, { id: 'v2', at: AT, newItemId: counter() });
    expect(next.sections.map((s) => s.items.map((i) => i.id))).toEqual([
      ['new-1', 'sitePhoto', 'new-2'],
      ['videoNetworked', 'onlineMonitoring'],
      ['enclosure', 'materialCover', 'vehicleWashing', 'groundHardening', 'wetDemolition', 'sealedTransport'],
    ]);
    expect(next.sections[2]!.items[0]!.text).toBe('工地周边100%围挡（含临街面）');
  });

  it('builds on the version it is given, so a later version gets the number after it', () => {
    const v2 = nextVersion(DUST_CONTROL_TEMPLATE, dustDraft(), { id: 'v2', at: AT });
    const v3 = nextVersion(v2, { ...draftOf(v2), name: '扬尘治理' }, { id: 'v3', at: AT });
    expect([v2.version, v3.version, v3.key, v3.name]).toEqual([2, 3, 'dustControl', '扬尘治理']);
    expect(itemIds(v3)).toEqual(itemIds(DUST_CONTROL_TEMPLATE));
  });

  it('refuses a draft that cannot be saved', () => {
    const draft = dustDraft();
    draft.sections[0]!.items = [];
    expect(() => nextVersion(DUST_CONTROL_TEMPLATE, draft, { id: 'v2', at: AT })).toThrow(InvalidDraftError);
  });

  it('drops a unit or score the answer kind does not have', () => {
    const item = { ...emptyItem(), text: '读数', unit: '米', score: 3 };
    expect(withAnswerKind(item, 'number')).toMatchObject({ unit: '米', score: null });
    expect(withAnswerKind(item, 'text')).toMatchObject({ unit: null, score: null });
    expect(withAnswerKind({ ...item, unit: null }, 'yesNoNa')).toMatchObject({ unit: null, score: 3 });
  });
});

describe('new templates', () => {
  it('start with one section and one empty yes / no item, and save as version 1 under a new key', () => {
    const draft = newTemplate('夜间施工检查', '现场');
    expect(validateDraft(draft)).toEqual([
      { path: ['sections', 0, 'items', 0, 'text'], problem: 'required' },
    ]);
    draft.sections[0]!.items[0]!.text = '夜间施工许可';
    const key = newTemplateKey();
    expect(key).toMatch(/^custom-/);
    expect(key).not.toBe(newTemplateKey());
    const v1 = firstVersion(draft, { id: 't1', at: AT, key, newItemId: counter() });
    expect(ChecklistTemplateSchema.parse(v1)).toEqual(v1);
    expect(v1).toMatchObject({ key, version: 1, builtIn: false, name: '夜间施工检查' });
    expect(itemIds(v1)).toEqual(['new-1']);
  });

  it('copy a built-in under a new key with its items and their ids', () => {
    const draft = duplicateTemplate(DUST_CONTROL_TEMPLATE, '扬尘治理（本市）');
    const copy = firstVersion(draft, { id: 'c1', at: AT, key: 'custom-1' });
    expect(copy).toMatchObject({ key: 'custom-1', version: 1, builtIn: false, name: '扬尘治理（本市）' });
    expect(copy.sections).toEqual(DUST_CONTROL_TEMPLATE.sections);
  });
});

describe('summaries', () => {
  it('tell an unchanged draft, count items and add up the score', () => {
    expect(isUnchanged(DUST_CONTROL_TEMPLATE, dustDraft())).toBe(true);
    const renamed = dustDraft();
    renamed.name = `${renamed.name} `;
    expect(isUnchanged(DUST_CONTROL_TEMPLATE, renamed)).toBe(true);
    renamed.sections[0]!.items[0]!.required = false;
    expect(isUnchanged(DUST_CONTROL_TEMPLATE, renamed)).toBe(false);
    expect(itemCount(DUST_CONTROL_TEMPLATE)).toBe(11);
    expect(maxScore(DUST_CONTROL_TEMPLATE)).toBe(100);
    expect(maxScore(BUILTIN_TEMPLATES[1]!)).toBeNull();
  });
});
