// Finding issues by words of their title or description, in Chinese: the query's bigrams are looked
// up in the multi-entry index and the candidates checked for the whole query (shared/search/grams.ts) — so "围挡" finds "东侧约30米未围挡" and never "围，挡".
import type { Issue } from '../../../shared/domain/issue';
import { bigrams, matchesQuery } from '../../../shared/search/grams';
import { type DuchaDatabase, liveRows, type Stored } from '../database';
import { ISSUE_GRAMS_FIELD } from '../derived-fields';

/** The live issues matching the query, or null when the query has nothing to search for. */
export async function searchIssues(db: DuchaDatabase, query: string): Promise<Issue[] | null> {
  const rows = await issueRowsMatching(db, query);
  return rows && liveRows(rows);
}

/**
 * The stored rows (tombstones included) matching the query, or null when the query has nothing to
 * search for: the issue list filters them further in one pass of its own. The rows of
 * the query's rarest bigram are read (counting a key in the index is cheap, reading rows is not), and
 * each is checked for the whole query, which also covers the other bigrams.
 */
export async function issueRowsMatching(db: DuchaDatabase, query: string): Promise<Stored<Issue>[] | null> {
  const grams = bigrams(query);
  if (grams.length === 0) return null;
  const index = db.issues.where(ISSUE_GRAMS_FIELD);
  let rarest = grams[0] as string;
  if (grams.length > 1) {
    const counts = await Promise.all(grams.map((gram) => index.equals(gram).count()));
    rarest = grams[counts.indexOf(Math.min(...counts))] as string;
  }
  const rows = await db.issues.where(ISSUE_GRAMS_FIELD).equals(rarest).toArray();
  return rows.filter((row) => matchesQuery(`${row.title} ${row.description}`, query));
}
