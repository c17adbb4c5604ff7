/**
 * `task` over `items` with at most `limit` running at once, results in the order of `items`.
 *
 * @remarks Bounds the requests one API call makes to the store (a SENCo may hold 450 cases, DESIGN.md
 * section 5): enough in flight to hide latency, not so many that one call meets the account's
 * request-unit limit in a burst. The first failure rejects; tasks already running finish.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
