// Amendments (修改记录) of finalized visits: the only way to correct a visit once it is locked. Each
// amendment applies its changes to the visit and appends a hash-chained entry saying who, when, why
// and every field's value before and after — in one transaction, so neither happens without the other.
import {
  AMENDABLE_VISIT_FIELDS,
  type AmendableVisitField,
  type AmendedField,
  type VisitAmendment,
} from '../../../shared/domain/visit-amendment';
import type { Visit } from '../../../shared/domain/visit';
import { amendmentChain } from '../../../shared/history/amendment-chain';
import type { ChainVerdict } from '../../../shared/history/linked-chain';
import { inClockOrder } from '../../../shared/history/history-graph';
import { uuidv7 } from '../../../shared/ids/uuidv7';
import { canonicalJson, type Json } from '../../../shared/sync/canonical-json';
import { type DuchaDatabase, liveRecords } from '../database';
import { writeRecords } from '../record-writer';
import { getVisit } from './visits';

export type VisitCorrection = Partial<Pick<Visit, AmendableVisitField>>;

/** Nothing in the correction differs from the visit as it stands. */
export class NothingToAmendError extends Error {
  override name = 'NothingToAmendError';
}

/** Only a finalized visit is amended; a draft is simply edited. */
export class NotFinalizedError extends Error {
  override name = 'NotFinalizedError';
}

/** A visit's amendments in clock order, each after the ones it follows (see issue-steps.ts). */
export async function amendmentsOfVisit(db: DuchaDatabase, visitId: string): Promise<VisitAmendment[]> {
  const rows = await db.visitAmendments
    .where('[visitId+seq]')
    .between([visitId, -Infinity], [visitId, Infinity])
    .toArray();
  return inClockOrder(liveRecords(rows));
}

/** The fields whose values differ, with both values, in the order of AMENDABLE_VISIT_FIELDS. */
export function diffVisit(visit: Visit, correction: VisitCorrection): AmendedField[] {
  const changes: AmendedField[] = [];
  for (const field of AMENDABLE_VISIT_FIELDS) {
    if (!(field in correction)) continue;
    const before = (visit[field] ?? null) as Json;
    const after = (correction[field] ?? null) as Json;
    if (canonicalJson(before) !== canonicalJson(after)) changes.push({ field, before, after });
  }
  return changes;
}

export async function amendVisit(
  db: DuchaDatabase,
  visitId: string,
  correction: VisitCorrection,
  reason: string,
  actorName: string,
  now: number = Date.now(),
): Promise<VisitAmendment> {
  const why = reason.trim();
  if (why === '') throw new Error('an amendment needs a reason');
  return db.transaction('rw', [db.visits, db.visitAmendments, db.outbox, db.meta], async () => {
    const visit = await getVisit(db, visitId);
    if (!visit) throw new Error(`visit ${visitId} does not exist`);
    if (visit.status !== 'finalized') throw new NotFinalizedError('only a finalized visit is amended');
    const changes = diffVisit(visit, correction);
    if (changes.length === 0) throw new NothingToAmendError('the correction changes nothing');
    const history = await amendmentsOfVisit(db, visitId);
    const at = new Date(now).toISOString();
    const entry: Omit<VisitAmendment, 'hash'> = {
      id: uuidv7(now),
      createdAt: at,
      updatedAt: at,
      visitId,
      ...amendmentChain.nextPosition(history),
      actorName,
      at,
      reason: why,
      changes,
    };
    // Synchronously: awaiting WebCrypto inside an IndexedDB transaction would let it commit early.
    const amendment: VisitAmendment = { ...entry, hash: amendmentChain.hashEntrySync(entry.prevHash, entry) };
    const fields: Partial<Visit> = { updatedAt: at };
    for (const change of changes) Object.assign(fields, { [change.field]: change.after });
    await writeRecords(
      db,
      [
        { table: 'visits', id: visitId, fields },
        { table: 'visitAmendments', id: amendment.id, fields: amendment },
      ],
      now,
    );
    return amendment;
  });
}

/** Whether the visit's amendment history is intact (it was not altered behind the app's back). */
export async function verifyAmendments(db: DuchaDatabase, visitId: string): Promise<ChainVerdict> {
  const rows = await amendmentsOfVisit(db, visitId);
  return amendmentChain.verifyChain(rows);
}
