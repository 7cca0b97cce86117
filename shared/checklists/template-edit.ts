// Editing a checklist template: what the editor holds (a draft), what makes a draft savable, and how a
// saved draft becomes a new version. Versions are never changed once saved: a visit keeps the version
// it was filled with, so an edit is always a new record with the same key and the next version number.
import {
  type ANSWER_KINDS,
  type ChecklistItem,
  ChecklistItemSchema,
  type ChecklistTemplate,
  ChecklistTemplateSchema,
} from '../domain/checklist';
import { uuidv7 } from '../ids/uuidv7';

export type AnswerKind = (typeof ANSWER_KINDS)[number];

export interface DraftItem {
  /** The id of the saved item this one was edited from; null for an item added in this edit. */
  sourceId: string | null;
  text: string;
  answerKind: AnswerKind;
  unit: string | null;
  score: number | null;
  required: boolean;
}

export interface DraftSection {
  title: string;
  items: DraftItem[];
}

/** A template as the editor holds it: without identity or version, which saving assigns. */
export interface TemplateDraft {
  name: string;
  sections: DraftSection[];
}

/** The lengths the stored schema allows, read from it so the two cannot drift apart. */
export const DRAFT_LIMITS = {
  name: ChecklistTemplateSchema.shape.name.maxLength ?? 100,
  sectionTitle: ChecklistTemplateSchema.shape.sections.element.shape.title.maxLength ?? 100,
  itemText: ChecklistItemSchema.shape.text.maxLength ?? 500,
  unit: ChecklistItemSchema.shape.unit.unwrap().maxLength ?? 20,
} as const;

export type DraftProblemKind =
  | 'required'
  | 'tooLong'
  | 'noSections'
  | 'noItems'
  | 'duplicateSectionTitle'
  | 'unitOnlyForNumber'
  | 'scoreOnlyForYesNo'
  | 'invalidScore'
  | 'duplicateItemId';

export type DraftPath =
  | readonly ['name']
  | readonly ['sections']
  | readonly ['sections', number, 'title' | 'items']
  | readonly ['sections', number, 'items', number, 'text' | 'unit' | 'score' | 'id'];

export interface DraftProblem {
  path: DraftPath;
  problem: DraftProblemKind;
  /** For tooLong: the most characters allowed. */
  limit?: number;
}

/** A draft that cannot be saved was given to nextVersion or firstVersion; nothing was made. */
export class InvalidDraftError extends Error {
  override name = 'InvalidDraftError';
  constructor(readonly problems: readonly DraftProblem[]) {
    super(
      `the template cannot be saved: ${problems.map((p) => `${p.path.join('.')} ${p.problem}`).join(', ')}`,
    );
  }
}

const blankToNull = (text: string | null): string | null => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

function checkText(problems: DraftProblem[], path: DraftProblem['path'], text: string, limit: number): void {
  const trimmed = text.trim();
  if (trimmed === '') problems.push({ path, problem: 'required' });
  else if (trimmed.length > limit) problems.push({ path, problem: 'tooLong', limit });
}

/** Everything that keeps a draft from being saved, each with where it is; empty when it can be saved. */
export function validateDraft(draft: TemplateDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  checkText(problems, ['name'], draft.name, DRAFT_LIMITS.name);
  if (draft.sections.length === 0) problems.push({ path: ['sections'], problem: 'noSections' });
  const titles = new Set<string>();
  const itemIds = new Set<string>();
  draft.sections.forEach((section, s) => {
    checkText(problems, ['sections', s, 'title'], section.title, DRAFT_LIMITS.sectionTitle);
    const title = section.title.trim();
    // Sections are told apart by their titles where the visit shows them.
    if (title !== '' && titles.has(title))
      problems.push({ path: ['sections', s, 'title'], problem: 'duplicateSectionTitle' });
    titles.add(title);
    if (section.items.length === 0) problems.push({ path: ['sections', s, 'items'], problem: 'noItems' });
    section.items.forEach((item, i) => {
      const at = <F extends 'text' | 'unit' | 'score' | 'id'>(field: F) =>
        ['sections', s, 'items', i, field] as const;
      checkText(problems, at('text'), item.text, DRAFT_LIMITS.itemText);
      const unit = blankToNull(item.unit);
      if (unit !== null && item.answerKind !== 'number')
        problems.push({ path: at('unit'), problem: 'unitOnlyForNumber' });
      else if (unit !== null && unit.length > DRAFT_LIMITS.unit)
        problems.push({ path: at('unit'), problem: 'tooLong', limit: DRAFT_LIMITS.unit });
      if (item.score !== null) {
        if (!Number.isFinite(item.score) || item.score < 0)
          problems.push({ path: at('score'), problem: 'invalidScore' });
        // A visit counts an item's points when it is answered yes; other answers never score.
        else if (item.answerKind !== 'yesNoNa')
          problems.push({ path: at('score'), problem: 'scoreOnlyForYesNo' });
      }
      if (item.sourceId !== null) {
        if (itemIds.has(item.sourceId)) problems.push({ path: at('id'), problem: 'duplicateItemId' });
        itemIds.add(item.sourceId);
      }
    });
  });
  return problems;
}

/** A saved template as a draft to edit; its items remember the ids they came from. */
export function draftOf(template: Pick<ChecklistTemplate, 'name' | 'sections'>): TemplateDraft {
  return {
    name: template.name,
    sections: template.sections.map((section) => ({
      title: section.title,
      items: section.items.map((item) => ({
        sourceId: item.id,
        text: item.text,
        answerKind: item.answerKind,
        unit: item.unit,
        score: item.score,
        required: item.required,
      })),
    })),
  };
}

/** The problems of a stored template, as the editor would report them. */
export const validateTemplate = (template: Pick<ChecklistTemplate, 'name' | 'sections'>): DraftProblem[] =>
  validateDraft(draftOf(template));

/** A new, unanswered item: yes / no / not applicable, required, not scored. */
export const emptyItem = (): DraftItem => ({
  sourceId: null,
  text: '',
  answerKind: 'yesNoNa',
  unit: null,
  score: null,
  required: true,
});

/** The start of a new template: one section with one empty item. */
export const newTemplate = (name: string, firstSectionTitle = ''): TemplateDraft => ({
  name,
  sections: [{ title: firstSectionTitle, items: [emptyItem()] }],
});

/** A copy of a template (a built-in, say) to save under a new key; its item ids are kept. */
export const duplicateTemplate = (
  source: Pick<ChecklistTemplate, 'name' | 'sections'>,
  name: string,
): TemplateDraft => ({ ...draftOf(source), name });

/** An item given another answer kind, dropping the unit and score that kind does not have. */
export const withAnswerKind = (item: DraftItem, answerKind: AnswerKind): DraftItem => ({
  ...item,
  answerKind,
  unit: answerKind === 'number' ? item.unit : null,
  score: answerKind === 'yesNoNa' ? item.score : null,
});

/** A key for a template made on this device, distinct from the built-in keys and any other device's. */
export const newTemplateKey = (): string => `custom-${uuidv7()}`;

export interface VersionIdentity {
  /** The new record's id. */
  id: string;
  /** When it is saved, ISO 8601. */
  at: string;
  /** Makes ids for added items; a UUIDv7 unless a test says otherwise. */
  newItemId?: () => string;
}

function buildSections(
  draft: TemplateDraft,
  keptId: (item: DraftItem) => string | null,
  newItemId: () => string,
): ChecklistTemplate['sections'] {
  const used = new Set<string>();
  return draft.sections.map((section) => ({
    title: section.title.trim(),
    items: section.items.map((item): ChecklistItem => {
      const kept = keptId(item);
      let id = kept !== null && !used.has(kept) ? kept : newItemId();
      while (used.has(id)) id = newItemId();
      used.add(id);
      return {
        id,
        text: item.text.trim(),
        answerKind: item.answerKind,
        unit: item.answerKind === 'number' ? blankToNull(item.unit) : null,
        score: item.answerKind === 'yesNoNa' ? item.score : null,
        required: item.required,
      };
    }),
  }));
}

function assertSavable(draft: TemplateDraft): void {
  const problems = validateDraft(draft);
  if (problems.length > 0) throw new InvalidDraftError(problems);
}

/**
 * The version after `current`, made from an edited draft: same key, the next version number, a new id,
 * no longer built-in. An item keeps its id while its answers stay comparable (same answer kind, and
 * for numbers the same unit), so answers and photos of different versions line up; rewording an item
 * keeps it. A new item, or one whose kind or unit changed, gets a new id.
 */
export function nextVersion(
  current: ChecklistTemplate,
  edited: TemplateDraft,
  identity: VersionIdentity,
): ChecklistTemplate {
  assertSavable(edited);
  const before = new Map(current.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)));
  const keptId = (item: DraftItem): string | null => {
    const previous = item.sourceId === null ? undefined : before.get(item.sourceId);
    if (!previous || previous.answerKind !== item.answerKind) return null;
    if (item.answerKind === 'number' && blankToNull(previous.unit) !== blankToNull(item.unit)) return null;
    return previous.id;
  };
  return {
    id: identity.id,
    createdAt: identity.at,
    updatedAt: identity.at,
    key: current.key,
    version: current.version + 1,
    name: edited.name.trim(),
    builtIn: false,
    sections: buildSections(edited, keptId, identity.newItemId ?? uuidv7),
  };
}

/** Version 1 of a new template (a new one, or a copy under a new key); copied items keep their ids. */
export function firstVersion(
  draft: TemplateDraft,
  identity: VersionIdentity & { key: string },
): ChecklistTemplate {
  assertSavable(draft);
  return {
    id: identity.id,
    createdAt: identity.at,
    updatedAt: identity.at,
    key: identity.key,
    version: 1,
    name: draft.name.trim(),
    builtIn: false,
    sections: buildSections(draft, (item) => item.sourceId, identity.newItemId ?? uuidv7),
  };
}

const comparable = (draft: TemplateDraft) =>
  JSON.stringify({
    name: draft.name.trim(),
    sections: draft.sections.map((s) => ({
      title: s.title.trim(),
      items: s.items.map((i) => [
        i.sourceId,
        i.text.trim(),
        i.answerKind,
        i.answerKind === 'number' ? blankToNull(i.unit) : null,
        i.answerKind === 'yesNoNa' ? i.score : null,
        i.required,
      ]),
    })),
  });

/** Whether saving the draft would make a version identical to `current`. */
export const isUnchanged = (current: ChecklistTemplate, draft: TemplateDraft): boolean =>
  comparable(draftOf(current)) === comparable(draft);

type Scored = { sections: readonly { items: readonly { score: number | null }[] }[] };

export const itemCount = (template: Scored): number =>
  template.sections.reduce((n, s) => n + s.items.length, 0);

/** The points of a site that answers every scored item yes; null when the template is not scored. */
export function maxScore(template: Scored): number | null {
  const scores = template.sections.flatMap((s) =>
    s.items.flatMap((i) => (i.score === null ? [] : [i.score])),
  );
  return scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0);
}
