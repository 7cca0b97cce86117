// A hash-linked history (an issue's events, a finalized visit's amendments). Each entry's hash covers
// its own recorded fields and the hashes of the entries it follows, so editing or dropping an entry
// breaks every link to it — a tampered record shows up when verified. On one laptop the history is a
// line; two laptops apart may each append after the same entry, and a later step joins them
// (history-graph.ts): both branches verify, and only a real alteration is named.
//
// hash = SHA-256 hex of the UTF-8 canonical JSON (shared/sync/canonical-json) of the entry's fields,
// without `hash`, with `prevHash` the first entry it follows (null for the first entry) and, at a
// join only, `joins` the other entries it follows (sorted). A history written before joins existed
// has no `joins` anywhere and hashes exactly as it did.
import type { z } from 'zod';
import { sha256Hex, sha256HexSync } from '../crypto/sha256';
import { canonicalJson, type Json } from '../sync/canonical-json';
import { inClockOrder, nextPosition, parentsOf } from './history-graph';

/** What every linked entry carries: its depth, the entries it follows and its own hash. */
export interface Linked {
  id: string;
  seq: number;
  prevHash: string | null;
  joins?: string[] | undefined;
  hash: string;
  at: string;
}

export type ChainVerdict =
  | { ok: true }
  /** `brokenAt`: the first failing entry's place in clock order (0-based), as the page lists them. */
  | { ok: false; brokenAt: number; entryId: string };

export interface Chain<E extends Linked> {
  /** The exact text that is hashed for an entry. */
  chainText: (prevHash: string | null, entry: Omit<E, 'hash'>) => string;
  hashEntry: (prevHash: string | null, entry: Omit<E, 'hash'>) => Promise<string>;
  /** The same digest as hashEntry, computed synchronously, for hashing many histories in bulk. */
  hashEntrySync: (prevHash: string | null, entry: Omit<E, 'hash'>) => string;
  /**
   * Checks one history: every entry belongs to the same owner and carries the hash of its own
   * content; exactly one entry follows nothing (seq 0); every other follows entries that are there,
   * and its seq is one more than its deepest parent's; a join names distinct other heads, sorted.
   * Concurrent branches pass. Reports the first entry that fails. An empty history is valid.
   */
  verifyChain: (entries: readonly E[]) => Promise<ChainVerdict>;
  /** seq, prevHash and (at a join) joins for the next entry of a history. */
  nextPosition: (entries: readonly E[]) => { seq: number; prevHash: string | null; joins?: string[] };
  /**
   * Links a history written in order into a chain, in place: seq becomes the position, prevHash the
   * previous entry's hash, hash the entry's own. In place because a large sample holds 10^6 entries.
   */
  sealChain: (entries: E[]) => E[];
}

const utf8 = new TextEncoder();
// Reused UTF-8 buffer for the synchronous path, so hashing many entries allocates no byte arrays.
let scratch: Uint8Array = new Uint8Array(4096);

/**
 * The chain of the entries a schema describes, owned by `ownerKey` (issueId, visitId). The hashed
 * fields are those the schema records, sorted, except `hash`: listing them from the schema (not from
 * the object) keeps bookkeeping a local store might add (clocks, tombstones) out of the hash.
 */
export function defineChain<E extends Linked>(schema: z.ZodObject, ownerKey: keyof E & string): Chain<E> {
  const hashedKeys = Object.keys(schema.shape)
    .filter((key) => key !== 'hash')
    .sort()
    .map((key) => ({ key, prefix: `${JSON.stringify(key)}:` }));

  // Equal to canonicalJson of the hashed fields; written out per key so that hashing many entries
  // does not re-sort keys each time.
  const chainText = (prevHash: string | null, entry: Omit<E, 'hash'>): string => {
    const fields = entry as unknown as Record<string, Json | undefined>;
    let out = '{';
    for (const { key, prefix } of hashedKeys) {
      const value = key === 'prevHash' ? prevHash : fields[key];
      if (value === undefined) continue; // absent optional field: canonical JSON has no undefined
      if (out.length > 1) out += ',';
      out += prefix + (typeof value === 'string' ? JSON.stringify(value) : canonicalJson(value));
    }
    return `${out}}`;
  };

  const hashEntry = (prevHash: string | null, entry: Omit<E, 'hash'>) =>
    sha256Hex(utf8.encode(chainText(prevHash, entry)));

  const hashEntrySync = (prevHash: string | null, entry: Omit<E, 'hash'>): string => {
    const text = chainText(prevHash, entry);
    if (text.length * 3 > scratch.length) scratch = new Uint8Array(text.length * 3); // ≤ 3 UTF-8 bytes per UTF-16 unit
    const { written } = utf8.encodeInto(text, scratch);
    return sha256HexSync(scratch, written);
  };

  /** The first entry whose place in the graph or whose content is wrong, or null. */
  const firstBroken = (entries: readonly E[]): E | null => {
    const ordered = [...entries].sort((a, b) => a.seq - b.seq);
    const owner = ordered[0]?.[ownerKey];
    const byHash = new Map<string, E>();
    let roots = 0;
    for (const entry of ordered) {
      if (entry[ownerKey] !== owner || byHash.has(entry.hash)) return entry;
      const parents = parentsOf(entry);
      if (parents.length === 0) {
        roots += 1;
        if (roots > 1 || entry.seq !== 0 || entry.joins !== undefined) return entry;
      } else {
        const joins = entry.joins ?? [];
        const sortedDistinct = joins.every((hash, i) => i === 0 || (joins[i - 1] as string) < hash);
        if (!sortedDistinct || joins.includes(entry.prevHash as string)) return entry;
        let deepest = -1;
        for (const hash of parents) {
          const parent = byHash.get(hash);
          if (!parent) return entry; // dropped, or altered so that its hash changed
          deepest = Math.max(deepest, parent.seq);
        }
        if (entry.seq !== deepest + 1) return entry;
      }
      const { hash, ...rest } = entry;
      if (hashEntrySync(entry.prevHash, rest) !== hash) return entry;
      byHash.set(hash, entry);
    }
    return null;
  };

  // A promise, as before, so that verifying may move to a worker without changing callers.
  const verifyChain = (entries: readonly E[]): Promise<ChainVerdict> => {
    const broken = firstBroken(entries);
    if (!broken) return Promise.resolve({ ok: true });
    return Promise.resolve({
      ok: false,
      brokenAt: inClockOrder(entries).indexOf(broken),
      entryId: broken.id,
    });
  };

  const sealChain = (entries: E[]): E[] => {
    let prevHash: string | null = null;
    entries.forEach((entry, seq) => {
      entry.seq = seq;
      entry.prevHash = prevHash;
      entry.hash = hashEntrySync(prevHash, entry); // `hash` itself is not part of what is hashed
      prevHash = entry.hash;
    });
    return entries;
  };

  return { chainText, hashEntry, hashEntrySync, verifyChain, sealChain, nextPosition };
}
