// Which spreadsheet column feeds which ledger field. The import dialog starts from guessMapping, lets
// the user correct it, and remembers the result per header signature: the same office sends the
// same layout every month, so the second import needs no mapping at all. A mapping is plain JSON
// (field → 0-based column index or null) so it can be stored as is; restoreMapping checks a stored
// one before it is used again.
import { z } from 'zod';
import { LEDGER_FIELDS, type LedgerField, matchHeader, REQUIRED_FIELDS } from './columns';
import { normalizeKey } from './cells';

/** Field → 0-based index into the sheet's headers and row cells; null when the file lacks the field. */
export type ColumnMapping = Record<LedgerField, number | null>;

export const emptyMapping = (): ColumnMapping =>
  Object.fromEntries(LEDGER_FIELDS.map((f) => [f, null])) as ColumnMapping;

/**
 * The best column for each field. Every column goes to the one field its header names best; when
 * several columns name the same field, the surest match wins, then the leftmost.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping = emptyMapping();
  const strength = new Map<LedgerField, number>();
  headers.forEach((header, index) => {
    const match = matchHeader(header);
    if (!match || match.field === null) return;
    if ((strength.get(match.field) ?? 0) >= match.strength) return;
    strength.set(match.field, match.strength);
    mapping[match.field] = index;
  });
  return mapping;
}

/**
 * A key for a layout: the normalised headers in order. Two files with the same signature have the
 * same columns in the same places, so a mapping remembered for one fits the other.
 */
export function headerSignature(headers: readonly string[]): string {
  return `v1|${headers.map((h) => normalizeKey(h).replace(/\|/g, '¦')).join('|')}`;
}

/** Required fields the mapping leaves out; the dialog cannot go on while this is not empty. */
export function missingRequired(mapping: ColumnMapping): LedgerField[] {
  return REQUIRED_FIELDS.filter((f) => mapping[f] === null);
}

/** Columns given to more than one field (the user mapped by hand): column → fields. */
export function sharedColumns(mapping: ColumnMapping): Map<number, LedgerField[]> {
  const byColumn = new Map<number, LedgerField[]>();
  for (const field of LEDGER_FIELDS) {
    const column = mapping[field];
    if (column !== null) byColumn.set(column, [...(byColumn.get(column) ?? []), field]);
  }
  return new Map([...byColumn].filter(([, fields]) => fields.length > 1));
}

const StoredMappingSchema = z.record(z.string(), z.number().int().nonnegative().nullable());

/**
 * A remembered mapping made usable again: unknown keys dropped, missing fields null, and null if
 * it is not a mapping or points past the headers (the layout changed after all).
 */
export function restoreMapping(value: unknown, headerCount: number): ColumnMapping | null {
  const parsed = StoredMappingSchema.safeParse(value);
  if (!parsed.success) return null;
  const mapping = emptyMapping();
  for (const field of LEDGER_FIELDS) {
    const column = parsed.data[field] ?? null;
    if (column !== null && column >= headerCount) return null;
    mapping[field] = column;
  }
  return mapping;
}
