// Saving a checklist's answers: only the items the person changed since the card opened are written,
// over the answers stored now (read in the same transaction), so what another window answered to
// other items in the meantime is kept rather than overwritten by a stale copy of the whole card.
import type { ChecklistResult } from '../../../shared/domain/checklist';
import type { DuchaDatabase } from '../database';
import { sameValues } from '../draft-keeper';
import { updateRecord } from './records';
import { getVisit, VisitLockedError } from './visits';

type Answers = ChecklistResult['answers'];

/** The items of `edited` that differ from `base` (an item cleared in `edited` is not a change). */
export function changedAnswers(base: Answers, edited: Answers): Answers {
  return Object.fromEntries(
    Object.entries(edited).filter(([itemId, answer]) => !sameValues(base[itemId], answer)),
  );
}

/**
 * Writes the items changed between `base` (the answers the card opened with) and `edited`, merged into
 * the stored answers. Returns the answers stored afterwards. Refused once the visit is finalized.
 */
export async function saveChecklistAnswers(
  db: DuchaDatabase,
  resultId: string,
  { base, edited }: { base: Answers; edited: Answers },
  now: number = Date.now(),
): Promise<Answers> {
  return db.transaction('rw', [db.visits, db.checklistResults, db.outbox, db.meta], async () => {
    const stored = await db.checklistResults.get(resultId);
    if (!stored || stored._deleted === true) throw new Error(`checklist result ${resultId} does not exist`);
    const visit = await getVisit(db, stored.visitId);
    if (visit?.status === 'finalized')
      throw new VisitLockedError('this visit is finalized and cannot be edited');
    const changes = changedAnswers(base, edited);
    if (Object.keys(changes).length === 0) return stored.answers;
    const answers = { ...stored.answers, ...changes };
    await updateRecord(db, 'checklistResults', resultId, { answers }, now);
    return answers;
  });
}
