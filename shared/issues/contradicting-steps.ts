// Steps taken apart that cannot both stand: on one laptop the issue was closed out, on the other an
// extension was granted. The merge keeps its rule (the later clock's status stands) and both steps stay
// in the history; this names the pair so the office decides, until a later step follows both.
import type { IssueEvent } from '../domain/issue';
import { ancestry, concurrent, joinedAfter } from '../history/history-graph';

export interface ContradictingSteps {
  readonly first: IssueEvent;
  readonly second: IssueEvent;
}

const movesStatus = (event: IssueEvent): boolean => event.fromStatus !== event.toStatus;

/** Pairs of concurrent steps that moved the status to different places, not yet joined; by clock. */
export function contradictingSteps(events: readonly IssueEvent[]): ContradictingSteps[] {
  const moves = events.filter(movesStatus);
  if (moves.length < 2) return [];
  const ancestors = ancestry(events);
  const pairs: ContradictingSteps[] = [];
  for (const [i, a] of moves.entries()) {
    for (const b of moves.slice(i + 1)) {
      if (a.toStatus === b.toStatus || !concurrent(a, b, ancestors)) continue;
      if (joinedAfter(a, b, events, ancestors)) continue;
      const [first, second] = a.at <= b.at ? [a, b] : [b, a];
      pairs.push({ first, second });
    }
  }
  return pairs;
}
