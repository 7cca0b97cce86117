// Full-text search for Chinese: written Chinese has no spaces between words, so a word index does not
// work. Text is normalized (NFKC folds full-width letters and digits, case is folded, spaces and
// punctuation split runs) and indexed by its character bigrams; a query's bigrams must all be present,
// and the candidates are then checked for the whole query as a substring, so a match is never a
// coincidence of scattered bigrams. A one-character query matches through the grams that start with it.

const SEPARATORS = /[\s\p{P}\p{S}]+/u;

/** The searchable form of a text: NFKC, lower case, runs split at spaces and punctuation. */
export function normalizeForSearch(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(SEPARATORS)
    .filter((run) => run.length > 0);
}

/** The distinct character bigrams of a text (a one-character run contributes itself). */
export function bigrams(text: string): string[] {
  const grams = new Set<string>();
  for (const run of normalizeForSearch(text)) {
    const chars = [...run];
    if (chars.length === 1) grams.add(chars[0] ?? '');
    for (let i = 0; i + 1 < chars.length; i++) grams.add(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  }
  return [...grams];
}

/** Whether the text contains every run of the query (the check after the bigram lookup). */
export function matchesQuery(text: string, query: string): boolean {
  const haystack = normalizeForSearch(text).join(' ');
  return normalizeForSearch(query).every((run) => haystack.includes(run));
}
