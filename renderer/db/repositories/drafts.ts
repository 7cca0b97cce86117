// Drafts: what a person is typing into a form, one row per form and record, kept until the form is
// saved or the person discards it. Local to this laptop and never synced — a draft is not a record.
import type { DraftRow, DuchaDatabase } from '../database';

export type { DraftRow };

export interface DraftInput {
  formKey: string;
  recordId: string;
  values: unknown;
  base: unknown;
}

/** Keeps (or replaces) the draft of one form for one record. */
export async function saveDraft(
  db: DuchaDatabase,
  draft: DraftInput,
  now: number = Date.now(),
): Promise<void> {
  await db.drafts.put({ ...draft, savedAt: new Date(now).toISOString() });
}

/** The draft of one form for one record; null when there is none. */
export async function readDraft(
  db: DuchaDatabase,
  formKey: string,
  recordId: string,
): Promise<DraftRow | null> {
  return (await db.drafts.get([formKey, recordId])) ?? null;
}

export async function discardDraft(db: DuchaDatabase, formKey: string, recordId: string): Promise<void> {
  await db.drafts.delete([formKey, recordId]);
}

/** Every form's draft of a record, e.g. when the record itself is deleted. */
export async function discardDraftsOfRecord(db: DuchaDatabase, recordId: string): Promise<void> {
  await db.drafts.where('recordId').equals(recordId).delete();
}
