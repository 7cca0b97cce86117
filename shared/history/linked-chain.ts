// A hash chain over an append-only history (an issue's events, a finalized visit's amendments). Each
// entry's hash covers its own recorded fields and the previous entry's hash, so editing, dropping or
// reordering an entry anywhere breaks every later link — a tampered record shows up when verified.
//
// hash = SHA-256 hex of the UTF-8 canonical JSON (shared/sync/canonical-json) of the entry's fields,
// without `hash`, with `prevHash` set to the previous entry's hash (null for the first entry).
import type { z } from 'zod';
import { sha256Hex, sha256HexSync } from '../crypto/sha256';
import { canonicalJson, type Json } from '../sync/canonical-json';

/** What every chained entry carries: its place, the previous entry's hash and its own. */
export interface Linked {
  seq: number;
  prevHash: string | null;
  hash: string;
}

export type ChainVerdict = { ok: true } | { ok: false; brokenAtSeq: number };

export interface Chain<E extends Linked> {
  /** The exact text that is hashed for an entry. */
  chainText: (prevHash: string | null, entry: Omit<E, 'hash'>) => string;
  hashEntry: (prevHash: string | null, entry: Omit<E, 'hash'>) => Promise<string>;
  /** The same digest as hashEntry, computed synchronously, for hashing many histories in bulk. */
  hashEntrySync: (prevHash: string | null, entry: Omit<E, 'hash'>) => string;
  /**
   * Checks one history: seq runs 0, 1, 2 … in order, every entry belongs to the same owner, names
   * the previous entry's hash (null first) and carries the hash of its own content. Reports the seq
   * of the first entry that fails. An empty history is valid.
   */
  verifyChain: (entries: readonly E[]) => Promise<ChainVerdict>;
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

  const verifyChain = async (entries: readonly E[]): Promise<ChainVerdict> => {
    const ordered = [...entries].sort((a, b) => a.seq - b.seq);
    const owner = ordered[0]?.[ownerKey];
    let prevHash: string | null = null;
    for (const [index, entry] of ordered.entries()) {
      if (entry.seq !== index) return { ok: false, brokenAtSeq: index };
      if (entry[ownerKey] !== owner || entry.prevHash !== prevHash) {
        return { ok: false, brokenAtSeq: entry.seq };
      }
      const { hash, ...rest } = entry;
      if ((await hashEntry(prevHash, rest)) !== hash) return { ok: false, brokenAtSeq: entry.seq };
      prevHash = hash;
    }
    return { ok: true };
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

  return { chainText, hashEntry, hashEntrySync, verifyChain, sealChain };
}
