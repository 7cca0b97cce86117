// An append-only history as a small DAG. On one laptop each step follows the one before it; two
// laptops apart can each append a step after the same entry (a fork), and the next step on a laptop
// that holds both follows both (a join). The graph is read from the entries alone — each names the
// entries it follows by hash — so every laptop that holds the same entries sees the same graph.
//
// Entries name their parents as `prevHash` (the first, null for the history's first entry) and, at a
// join only, `joins` (the other heads, sorted). `seq` is the entry's depth: one more than its deepest
// parent, so concurrent entries may share a seq.

/** What the graph needs of an entry. */
export interface GraphEntry {
  readonly id: string;
  readonly seq: number;
  readonly prevHash: string | null;
  readonly joins?: readonly string[] | undefined;
  readonly hash: string;
  /** When the step was taken (ISO 8601), by the clock of the laptop that took it. */
  readonly at: string;
}

/** The hashes of the entries this one follows. */
export const parentsOf = (entry: GraphEntry): string[] =>
  entry.prevHash === null ? [...(entry.joins ?? [])] : [entry.prevHash, ...(entry.joins ?? [])];

/** The entries nothing follows yet: one on a single line, several after a fork not yet joined. */
export function headsOf<E extends GraphEntry>(entries: readonly E[]): E[] {
  const followed = new Set(entries.flatMap(parentsOf));
  return entries.filter((entry) => !followed.has(entry.hash));
}

/** Where the next entry goes: after every head, as deep as the deepest one plus one. */
export function nextPosition(entries: readonly GraphEntry[]): {
  seq: number;
  prevHash: string | null;
  joins?: string[];
} {
  const heads = headsOf(entries);
  if (heads.length === 0) return { seq: 0, prevHash: null };
  // The deepest head first (then by hash), so the same heads always give the same entry.
  const [first, ...others] = [...heads].sort((a, b) => b.seq - a.seq || (a.hash < b.hash ? -1 : 1));
  const seq = (first?.seq ?? -1) + 1;
  if (!first) return { seq: 0, prevHash: null };
  if (others.length === 0) return { seq, prevHash: first.hash };
  return { seq, prevHash: first.hash, joins: others.map((e) => e.hash).sort() };
}

const byClock = (a: GraphEntry, b: GraphEntry): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The entries in clock order, every entry after the entries it follows (a laptop whose clock is
 * behind cannot put a step before the one it answered). Entries whose parents are missing come last,
 * in clock order: verification names those.
 */
export function inClockOrder<E extends GraphEntry>(entries: readonly E[]): E[] {
  const byHash = new Map(entries.map((entry) => [entry.hash, entry]));
  const waiting = new Map<E, number>();
  const children = new Map<string, E[]>();
  const ready: E[] = [];
  for (const entry of entries) {
    const parents = [...new Set(parentsOf(entry))].filter((hash) => byHash.has(hash) && hash !== entry.hash);
    waiting.set(entry, parents.length);
    for (const hash of parents) children.set(hash, [...(children.get(hash) ?? []), entry]);
    if (parents.length === 0) ready.push(entry);
  }
  const out: E[] = [];
  // Histories are tens of entries: a sorted array as the queue is plenty.
  while (ready.length > 0) {
    ready.sort(byClock);
    const next = ready.shift() as E;
    out.push(next);
    for (const child of children.get(next.hash) ?? []) {
      const left = (waiting.get(child) ?? 0) - 1;
      waiting.set(child, left);
      if (left === 0) ready.push(child);
    }
  }
  if (out.length < entries.length) {
    const placed = new Set(out);
    out.push(...entries.filter((entry) => !placed.has(entry)).sort(byClock));
  }
  return out;
}

/** For each entry (by hash), the hashes of every entry it follows, directly or not. */
export function ancestry(entries: readonly GraphEntry[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const entry of inClockOrder(entries)) {
    const all = new Set<string>();
    for (const parent of parentsOf(entry)) {
      all.add(parent);
      for (const hash of out.get(parent) ?? []) all.add(hash);
    }
    out.set(entry.hash, all);
  }
  return out;
}

/** Two entries neither of which follows the other: steps taken apart, on different laptops. */
export function concurrent(a: GraphEntry, b: GraphEntry, ancestors: Map<string, Set<string>>): boolean {
  return a.hash !== b.hash && !ancestors.get(a.hash)?.has(b.hash) && !ancestors.get(b.hash)?.has(a.hash);
}

/** Whether some entry follows both (the branches were joined by a later step). */
export function joinedAfter(
  a: GraphEntry,
  b: GraphEntry,
  entries: readonly GraphEntry[],
  ancestors: Map<string, Set<string>>,
): boolean {
  return entries.some((entry) => {
    const above = ancestors.get(entry.hash);
    return above?.has(a.hash) === true && above.has(b.hash);
  });
}
