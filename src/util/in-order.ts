/**
 * Many small independent reads (a long migration history is thousands of files): run side by
 * side, at most `limit` at once so no open-files limit is reached, with the results in input
 * order and the first failure *in input order* as the error, as when they ran one by one.
 */
export async function mapInOrder<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const settled: Array<PromiseSettledResult<R>> = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      settled[index] = await fn(items[index]).then(
        (value): PromiseFulfilledResult<R> => ({ status: 'fulfilled', value }),
        (reason: unknown): PromiseRejectedResult => ({ status: 'rejected', reason }),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<R>).value);
}

/** Files read at once: enough to hide each read's latency, few enough for any open-files limit. */
export const FILE_READ_CONCURRENCY = 32;
