// Where a snapshot page starts, as one query value: the previous page's last (table, row id) as JSON,
// UTF-8, base64url without padding. A row id may hold any character, but the host relay passes only
// unreserved ones in a query (no `%`: no encoded slash can reach the server), and base64url is that.
import { base64UrlToBytes, bytesToBase64Url } from '../crypto/base64';
import { SnapshotKeySchema, type SnapshotKey } from './protocol';

export function encodeSnapshotAfter(key: SnapshotKey): string {
  return bytesToBase64Url(new TextEncoder().encode(JSON.stringify([key.table, key.rowId])));
}

/** The key a query value names, or null when it is not one encodeSnapshotAfter made. */
export function decodeSnapshotAfter(text: string): SnapshotKey | null {
  const bytes = base64UrlToBytes(text);
  if (bytes === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [table, rowId] = parsed as unknown[];
  const key = SnapshotKeySchema.safeParse({ table, rowId });
  return key.success ? key.data : null;
}
