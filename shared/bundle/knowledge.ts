// Version vectors: per device node, the highest clock of that node's changes a side holds. Every
// device writes its own changes in clock order, so holding clock h of node n means holding all of n's
// changes up to h. An incremental bundle carries only what its recipient's knowledge lacks.
import { compareHlc, decodeHlc } from '../sync/hlc';
import type { Operation } from '../sync/operation';
import type { Knowledge } from './manifest';

/** Per node the higher of the two clocks. Neither argument is changed. */
export function mergeKnowledge(a: Knowledge, b: Knowledge): Knowledge {
  const out: Knowledge = { ...a };
  for (const [node, hlc] of Object.entries(b)) {
    const mine = out[node];
    if (mine === undefined || compareHlc(hlc, mine) > 0) out[node] = hlc;
  }
  return out;
}

/** The knowledge that exactly these operations give: per node the highest clock among them. */
export function knowledgeOfOperations(ops: Iterable<Operation>): Knowledge {
  const out: Knowledge = {};
  for (const op of ops) {
    const mine = out[op.node];
    if (mine === undefined || compareHlc(op.hlc, mine) > 0) out[op.node] = op.hlc;
  }
  return out;
}

/** Whether a side with this knowledge already holds the change made at this clock. */
export function isKnown(knowledge: Knowledge | null, hlc: string): boolean {
  if (!knowledge) return false;
  const { node } = decodeHlc(hlc);
  const held = Object.hasOwn(knowledge, node) ? knowledge[node] : undefined;
  return held !== undefined && compareHlc(held, hlc) >= 0;
}

/** The operations a side with `since` lacks (all of them when since is null: a full bundle). */
export function operationsBeyond(ops: readonly Operation[], since: Knowledge | null): Operation[] {
  return since ? ops.filter((op) => !isKnown(since, op.hlc)) : [...ops];
}
