// Fields a stored row carries for this device's indexes only, computed from the record whenever it is
// written (locally or by a merge): never synced, never validated, never part of a hash. Today: the
// character bigrams of an issue's title and the start of its description, for Chinese full-text
// search through a multi-entry index (see shared/search/grams.ts).
import { bigrams } from '../../shared/search/grams';
import type { SyncedRow } from '../../shared/sync/merge';
import type { SyncedTable } from '../../shared/sync/tables';

/** The description beyond this many characters is not indexed: titles and openings say what matters. */
export const INDEXED_DESCRIPTION_CHARS = 300;

export const ISSUE_GRAMS_FIELD = '_grams';

const issueGrams = (row: SyncedRow): string[] => {
  const title = typeof row.title === 'string' ? row.title : '';
  const description = typeof row.description === 'string' ? row.description : '';
  return bigrams(`${title} ${description.slice(0, INDEXED_DESCRIPTION_CHARS)}`);
};

const DERIVE: Partial<Record<SyncedTable, (row: SyncedRow) => Record<string, unknown>>> = {
  issues: (row) => ({ [ISSUE_GRAMS_FIELD]: issueGrams(row) }),
};

/** The row with its derived fields brought up to date. */
export function withDerivedFields(table: SyncedTable, row: SyncedRow): SyncedRow {
  const derive = DERIVE[table];
  return derive ? { ...row, ...derive(row) } : row;
}
