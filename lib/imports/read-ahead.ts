/**
 * Asks for the next page while the current one is being committed, so the platform's latency
 * overlaps with the database's work. Pages still arrive, and are committed, in order.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  // A failure of the page fetched ahead surfaces when that page is awaited, not as an unhandled rejection.
  pending.catch(() => undefined);
  try {
    for (;;) {
      const result = await pending;
      if (result.done) return;
      pending = iterator.next();
      pending.catch(() => undefined);
      yield result.value;
    }
  } finally {
    await iterator.return?.();
  }
}
