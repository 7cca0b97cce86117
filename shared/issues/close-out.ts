// What a close-out (销号) needs besides the issue's status and after photos: a re-inspection (复查) visit
// carrying the issue that was signed by the inspector and finalized. Then the record the close-out
// rests on can no longer change; a draft re-inspection could still be edited after the issue closed.
import type { Visit } from '../domain/visit';

export type CloseOutRefusal =
  | 'reinspectionMissing' // no re-inspection visit carries the issue
  | 'reinspectionUnsigned' // the newest one is not signed by the inspector yet
  | 'reinspectionNotFinalized'; // … signed, but not finalized

export type CloseOutCheck =
  { ok: true; visitId: string } | { ok: false; refusal: CloseOutRefusal; visitDate: string | null };

type Reinspection = Pick<Visit, 'id' | 'date' | 'status' | 'signatures' | 'reinspectedIssueIds' | 'type'>;

/**
 * Whether the issue may be closed out on the strength of its re-inspection visits (any order): the
 * newest re-inspection carrying it — the one whose result stands — must be finalized (finalizing
 * needs the inspector's signature). `since` (YYYY-MM-DD), the day re-inspection was last asked for:
 * an earlier re-inspection, whose result was a send-back, does not count. A refusal names the visit's
 * date for the message.
 */
export function checkCloseOut(
  issueId: string,
  visits: readonly Reinspection[],
  since: string | null = null,
): CloseOutCheck {
  const newest = visits
    .filter(
      (v) =>
        v.type === 'reinspection' &&
        v.reinspectedIssueIds.includes(issueId) &&
        (since === null || v.date >= since),
    )
    .sort((a, b) => b.date.localeCompare(a.date))[0];
  if (!newest) return { ok: false, refusal: 'reinspectionMissing', visitDate: null };
  return reinspectionReadiness(newest);
}

/** Whether this re-inspection visit is signed and finalized, so that its result may close the issue out. */
export function reinspectionReadiness(
  visit: Omit<Reinspection, 'reinspectedIssueIds' | 'type'>,
): CloseOutCheck {
  if (visit.status === 'finalized') return { ok: true, visitId: visit.id };
  const signed = visit.signatures.some((s) => s.role === 'inspector');
  return {
    ok: false,
    refusal: signed ? 'reinspectionNotFinalized' : 'reinspectionUnsigned',
    visitDate: visit.date,
  };
}
