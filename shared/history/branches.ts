// How a history's entries stand to each other, for the page: which were taken apart (on another
// laptop, at the same time as some other entry) and which joined branches again.
import { ancestry, concurrent, type GraphEntry } from './history-graph';

export interface BranchMark {
  /** Some other entry was taken concurrently: neither follows the other. */
  readonly apart: boolean;
  /** This entry follows two or more branches (the first step once both laptops' steps met). */
  readonly join: boolean;
}

export function branchMarks(entries: readonly GraphEntry[]): Map<string, BranchMark> {
  const ancestors = ancestry(entries);
  return new Map(
    entries.map((entry) => [
      entry.id,
      {
        apart: entries.some((other) => concurrent(entry, other, ancestors)),
        join: (entry.joins?.length ?? 0) > 0,
      },
    ]),
  );
}
