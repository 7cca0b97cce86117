// Finding issues by words of their title or description, in Chinese: the query's bigrams are looked
// up in the multi-entry index, the id sets intersected, and the candidates checked for the whole
// query (shared/search/grams.ts) — so "围挡" finds "东侧约30米未围挡" and never "围，挡".
import type { Issue } from '../../../shared/domain/issue';
import { bigrams, matchesQuery } from '../../../shared/search/grams';
import type { DuchaDatabase, Stored } from '../database';
import { ISSUE_GRAMS_FIELD } from '../derived-fields';

/** Ids of the live issues matching the query, or null when the query has nothing to search for. */
export async function searchIssues(db: DuchaDatabase, query: string): Promise<Stored<Issue>[] | null> {
  const grams = bigrams(query);
  if (grams.length === 0) return null;
  let ids: string[] | null = null;
  for (const gram of grams) {
    const found = new Set(await db.issues.where(ISSUE_GRAMS_FIELD).equals(gram).primaryKeys());
    ids = ids === null ? [...found] : ids.filter((id) => found.has(id));
    if (ids.length === 0) return [];
  }
  const rows = await db.issues.bulkGet(ids ?? []);
  return rows.filter(
    (row): row is Stored<Issue> =>
      row !== undefined && row._deleted !== true && matchesQuery(`${row.title} ${row.description}`, query),
  );
}
