// What the server checks of each pushed operation before the store sees it: that the record has the
// field and the value fits it (the same check a USB import runs), and that its clock is not more than
// a day ahead of the server's time (one bad clock would drag every later write into the future).
import { recordFieldProblem } from '../../../shared/bundle/record-fields';
import { MAX_DRIFT_MS, wallOfEncodedHlc } from '../../../shared/sync/hlc';
import type { Operation } from '../../../shared/sync/operation';
import type { Fate } from '../../../shared/sync/protocol';

type Refused = Extract<Fate, { fate: 'refused' }>;

const cut = (text: string): string => (text.length > 300 ? `${text.slice(0, 297)}...` : text);

/** The refusal of one operation (its clock checked by the push schema), or null when the store may take it. */
export function refusalBeforeStore(op: Operation, serverNow: number): Refused | null {
  const problem = recordFieldProblem(op.table, op.field, op.value);
  if (problem) return { fate: 'refused', reason: problem.problem, detail: cut(problem.detail) };
  const ahead = wallOfEncodedHlc(op.hlc) - serverNow;
  if (ahead > MAX_DRIFT_MS) {
    const hours = Math.round(ahead / 3_600_000);
    return {
      fate: 'refused',
      reason: 'clockAhead',
      detail: `the clock of node ${op.node} is ${String(hours)} h ahead of the server's: set the laptop's date, then edit again`,
    };
  }
  return null;
}

export const detail = cut;
