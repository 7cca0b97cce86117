// The template editor's state: a draft whose sections and items carry a uid, so that React keeps an
// input (and its focus) with its item while items are added, removed and moved.
import {
  type AnswerKind,
  type DraftItem,
  type DraftPath,
  type DraftProblem,
  emptyItem,
  type TemplateDraft,
  withAnswerKind,
} from '../../../shared/checklists/template-edit';

export interface EditorItem extends DraftItem {
  uid: string;
}
export interface EditorSection {
  uid: string;
  title: string;
  items: EditorItem[];
}
export interface EditorDraft {
  name: string;
  sections: EditorSection[];
}

let lastUid = 0;
const nextUid = (): string => `u${++lastUid}`;

export const toEditor = (draft: TemplateDraft): EditorDraft => ({
  name: draft.name,
  sections: draft.sections.map((s) => ({
    uid: nextUid(),
    title: s.title,
    items: s.items.map((i) => ({ ...i, uid: nextUid() })),
  })),
});

/** The draft without uids, as the shared rules take it. */
export const fromEditor = (draft: EditorDraft): TemplateDraft => ({
  name: draft.name,
  sections: draft.sections.map((s) => ({
    title: s.title,
    items: s.items.map(({ uid: _uid, ...item }) => item),
  })),
});

/** The list with the entry at `index` moved one place up (-1) or down (+1); unchanged at an end. */
export function moveBy<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  const moved = list[index];
  if (moved === undefined || to < 0 || to >= list.length) return [...list];
  const rest = list.filter((_, i) => i !== index);
  return [...rest.slice(0, to), moved, ...rest.slice(to)];
}

export type EditorAction =
  | { type: 'reset'; draft: TemplateDraft }
  | { type: 'rename'; name: string }
  | { type: 'addSection'; title: string }
  | { type: 'removeSection'; section: number }
  | { type: 'moveSection'; section: number; delta: -1 | 1 }
  | { type: 'retitleSection'; section: number; title: string }
  | { type: 'addItem'; section: number }
  | { type: 'removeItem'; section: number; item: number }
  | { type: 'moveItem'; section: number; item: number; delta: -1 | 1 }
  | {
      type: 'changeItem';
      section: number;
      item: number;
      changes: Partial<Pick<DraftItem, 'text' | 'unit' | 'score' | 'required'>>;
    }
  | { type: 'changeAnswerKind'; section: number; item: number; answerKind: AnswerKind };

function mapSection(
  draft: EditorDraft,
  index: number,
  change: (section: EditorSection) => EditorSection,
): EditorDraft {
  return { ...draft, sections: draft.sections.map((s, i) => (i === index ? change(s) : s)) };
}

const mapItem = (
  section: EditorSection,
  index: number,
  change: (item: EditorItem) => EditorItem,
): EditorSection => ({ ...section, items: section.items.map((it, i) => (i === index ? change(it) : it)) });

export function editorReducer(draft: EditorDraft, action: EditorAction): EditorDraft {
  switch (action.type) {
    case 'reset':
      return toEditor(action.draft);
    case 'rename':
      return { ...draft, name: action.name };
    case 'addSection':
      return {
        ...draft,
        sections: [
          ...draft.sections,
          { uid: nextUid(), title: action.title, items: [{ ...emptyItem(), uid: nextUid() }] },
        ],
      };
    case 'removeSection':
      return { ...draft, sections: draft.sections.filter((_, i) => i !== action.section) };
    case 'moveSection':
      return { ...draft, sections: moveBy(draft.sections, action.section, action.delta) };
    case 'retitleSection':
      return mapSection(draft, action.section, (s) => ({ ...s, title: action.title }));
    case 'addItem':
      return mapSection(draft, action.section, (s) => ({
        ...s,
        items: [...s.items, { ...emptyItem(), uid: nextUid() }],
      }));
    case 'removeItem':
      return mapSection(draft, action.section, (s) => ({
        ...s,
        items: s.items.filter((_, i) => i !== action.item),
      }));
    case 'moveItem':
      return mapSection(draft, action.section, (s) => ({
        ...s,
        items: moveBy(s.items, action.item, action.delta),
      }));
    case 'changeItem':
      return mapSection(draft, action.section, (s) =>
        mapItem(s, action.item, (it) => ({ ...it, ...action.changes })),
      );
    case 'changeAnswerKind':
      return mapSection(draft, action.section, (s) =>
        mapItem(s, action.item, (it) => ({ ...withAnswerKind(it, action.answerKind), uid: it.uid })),
      );
  }
}

/**
 * Where focus goes once a change is on screen: the first of these element ids that exists and is
 * enabled, or a function of the new draft giving them (for an element the change itself creates).
 */
export type FocusRequest = readonly string[] | ((draft: EditorDraft) => readonly string[]);

/** The DOM id of the field a problem is about, to show the message beside it and to focus it. */
export function fieldId(draft: EditorDraft, path: DraftPath): string {
  if (path[0] === 'name') return 'template-name';
  if (path.length === 1) return 'template-add-section';
  const section = draft.sections[path[1]];
  if (!section) return 'template-add-section';
  if (path.length === 3)
    return path[2] === 'title' ? `section-${section.uid}-title` : `section-${section.uid}-add-item`;
  const item = section.items[path[3]];
  if (!item) return `section-${section.uid}-add-item`;
  // An id clash has no field of its own; the item's text is where the user looks.
  return `item-${item.uid}-${path[4] === 'id' ? 'text' : path[4]}`;
}

/** Problems by the id of the field they are about. */
export function problemsByField(draft: EditorDraft, problems: readonly DraftProblem[]) {
  const byField = new Map<string, DraftProblem[]>();
  for (const p of problems) {
    const id = fieldId(draft, p.path);
    byField.set(id, [...(byField.get(id) ?? []), p]);
  }
  return byField;
}
