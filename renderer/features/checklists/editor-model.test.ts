import { describe, expect, it } from 'vitest';
import { DUST_CONTROL_TEMPLATE } from '../../../shared/checklists/builtin-templates';
import { draftOf, validateDraft } from '../../../shared/checklists/template-edit';
import { editorReducer, fieldId, fromEditor, moveBy, problemsByField, toEditor } from './editor-model';

const dust = () => toEditor(draftOf(DUST_CONTROL_TEMPLATE));

describe('the template editor model', () => {
  it('moves an entry one place, and leaves the list alone at its ends', () => {
    expect(moveBy(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveBy(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveBy(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveBy(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('round-trips a template and gives every section and item its own uid', () => {
    const draft = dust();
    expect(fromEditor(draft)).toEqual(draftOf(DUST_CONTROL_TEMPLATE));
    const uids = draft.sections.flatMap((s) => [s.uid, ...s.items.map((i) => i.uid)]);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('adds, moves, changes and removes sections and items, keeping uids with their items', () => {
    let draft = dust();
    const pm10 = draft.sections[2]!.items[0]!;
    draft = editorReducer(draft, { type: 'moveItem', section: 2, item: 0, delta: 1 });
    expect(draft.sections[2]!.items[1]!.uid).toBe(pm10.uid);
    draft = editorReducer(draft, { type: 'addItem', section: 2 });
    draft = editorReducer(draft, { type: 'changeAnswerKind', section: 2, item: 3, answerKind: 'number' });
    draft = editorReducer(draft, {
      type: 'changeItem',
      section: 2,
      item: 3,
      changes: { text: 'PM2.5读数', unit: 'μg/m³' },
    });
    expect(draft.sections[2]!.items[3]).toMatchObject({
      sourceId: null,
      text: 'PM2.5读数',
      answerKind: 'number',
      unit: 'μg/m³',
      score: null,
    });
    draft = editorReducer(draft, { type: 'changeAnswerKind', section: 2, item: 3, answerKind: 'text' });
    expect(draft.sections[2]!.items[3]!.unit).toBeNull();

    draft = editorReducer(draft, { type: 'addSection', title: '第 4 部分' });
    expect(draft.sections[3]!.items).toHaveLength(1);
    draft = editorReducer(draft, { type: 'moveSection', section: 3, delta: -1 });
    draft = editorReducer(draft, { type: 'retitleSection', section: 2, title: '夜间' });
    expect(draft.sections.map((s) => s.title)).toEqual(['六个百分百', '本地增加两项', '夜间', '现场记录']);
    draft = editorReducer(draft, { type: 'removeSection', section: 2 });
    draft = editorReducer(draft, { type: 'removeItem', section: 0, item: 0 });
    expect(draft.sections.map((s) => s.items.length)).toEqual([5, 2, 4]);
    draft = editorReducer(draft, { type: 'rename', name: '扬尘' });
    expect(draft.name).toBe('扬尘');
  });

  it('places each problem at the field it is about', () => {
    let draft = dust();
    draft = editorReducer(draft, { type: 'rename', name: '' });
    draft = editorReducer(draft, { type: 'retitleSection', section: 1, title: '' });
    draft = editorReducer(draft, {
      type: 'changeItem',
      section: 2,
      item: 0,
      changes: { unit: 'x'.repeat(21) },
    });
    const section1 = draft.sections[1]!;
    const pm10 = draft.sections[2]!.items[0]!;
    const byField = problemsByField(draft, validateDraft(fromEditor(draft)));
    expect([...byField.keys()]).toEqual([
      'template-name',
      `section-${section1.uid}-title`,
      `item-${pm10.uid}-unit`,
    ]);
    expect(fieldId(draft, ['sections'])).toBe('template-add-section');
    expect(fieldId(draft, ['sections', 0, 'items'])).toBe(`section-${draft.sections[0]!.uid}-add-item`);
  });
});
