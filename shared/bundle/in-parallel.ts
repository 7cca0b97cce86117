// Runs work on a list a few items at a time, for the files of a bundle on either side: several photos
// read, written or hashed at once keep the stick busy while the other side (the page, the thread
// pool) works, without opening hundreds of files together. The first failure stops new items from
// starting; the call settles only once the ones already running have finished (so no late progress
// report or write follows it), and rejects with that first failure.
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { readonly error: unknown } | null = null;
  const lane = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure !== null) throw (failure as { readonly error: unknown }).error;
  return results;
}
