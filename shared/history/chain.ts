// Hash chain over an append-only history (an issue's IssueEvents). Each entry's hash covers its own
// recorded fields and the previous entry's hash, so editing, dropping or reordering an entry anywhere
// breaks every later link — a tampered rectification record shows up when the chain is verified.
//
// hash = SHA-256 hex of the UTF-8 canonical JSON (shared/sync/canonical-json) of the entry's fields,
// without `hash`, with `prevHash` set to the previous entry's hash (null for the first entry).
import { IssueEventSchema, type IssueEvent } from '../domain/issue';
import { sha256Hex } from '../photos/sha256';
import { sha256HexSync } from '../photos/sha256-sync';
import { canonicalJson, type Json } from '../sync/canonical-json';

export type ChainEntry = Omit<IssueEvent, 'hash'>;

export type ChainVerdict = { ok: true } | { ok: false; brokenAtSeq: number };

/**
 * The fields that are hashed: those the schema records, in sorted order, except `hash`. Listing them
 * from the schema (not from the object) keeps bookkeeping a local store might add out of the hash.
 */
const HASHED_KEYS = Object.keys(IssueEventSchema.shape)
  .filter((key) => key !== 'hash')
  .sort()
  .map((key) => ({ key, prefix: `${JSON.stringify(key)}:` }));

/**
 * The exact text that is hashed. Equal to canonicalJson of the hashed fields (keys sorted, each value
 * in canonical form); written out per key so that hashing many entries does not re-sort keys each time.
 */
export function chainText(prevHash: string | null, entry: ChainEntry): string {
  const fields = entry as unknown as Record<string, Json | undefined>;
  let out = '{';
  for (const { key, prefix } of HASHED_KEYS) {
    const value = key === 'prevHash' ? prevHash : fields[key];
    if (value === undefined) continue; // absent optional field: canonical JSON has no undefined
    if (out.length > 1) out += ',';
    out += prefix + (typeof value === 'string' ? JSON.stringify(value) : canonicalJson(value));
  }
  return `${out}}`;
}

const utf8 = new TextEncoder();

export async function hashEntry(prevHash: string | null, entry: ChainEntry): Promise<string> {
  return sha256Hex(utf8.encode(chainText(prevHash, entry)));
}

// Reused UTF-8 buffer for the synchronous path, so hashing many entries allocates no byte arrays.
let scratch: Uint8Array = new Uint8Array(4096);

/** The same digest as hashEntry, computed synchronously, for hashing many histories in bulk. */
export function hashEntrySync(prevHash: string | null, entry: ChainEntry): string {
  const text = chainText(prevHash, entry);
  if (text.length * 3 > scratch.length) scratch = new Uint8Array(text.length * 3); // ≤ 3 UTF-8 bytes per UTF-16 unit
  const { written } = utf8.encodeInto(text, scratch);
  return sha256HexSync(scratch, written);
}

/**
 * Checks one issue's history: seq runs 0, 1, 2 … in order, every entry belongs to the same issue,
 * names the previous entry's hash (null first) and carries the hash of its own content. Reports the
 * seq of the first entry that fails. An empty history is valid.
 */
export async function verifyChain(events: readonly IssueEvent[]): Promise<ChainVerdict> {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  let prevHash: string | null = null;
  for (const [index, event] of ordered.entries()) {
    if (event.seq !== index) return { ok: false, brokenAtSeq: index };
    if (event.issueId !== ordered[0]?.issueId || event.prevHash !== prevHash) {
      return { ok: false, brokenAtSeq: event.seq };
    }
    const { hash, ...entry } = event;
    if ((await hashEntry(prevHash, entry)) !== hash) return { ok: false, brokenAtSeq: event.seq };
    prevHash = hash;
  }
  return { ok: true };
}

/**
 * Links a history written in order into a chain, in place: seq becomes the position, prevHash the
 * previous entry's hash (null first), hash the entry's own. Synchronous (see hashEntrySync), for
 * importing or generating many histories at once; the events are updated rather than copied because
 * a large sample holds 10^6 of them.
 */
export function sealChain(events: IssueEvent[]): IssueEvent[] {
  let prevHash: string | null = null;
  events.forEach((event, seq) => {
    event.seq = seq;
    event.prevHash = prevHash;
    event.hash = hashEntrySync(prevHash, event); // `hash` itself is not part of what is hashed
    prevHash = event.hash;
  });
  return events;
}
