/**
 * Iterates `source` one item ahead: the next item is being produced while the caller works on
 * this one. Its failure surfaces when the caller asks for it, never as an unhandled rejection.
 */
export async function* readAhead<T>(source: AsyncIterator<T>): AsyncGenerator<T> {
  let pending = source.next();
  pending.catch(() => {});
  try {
    for (;;) {
      const result = await pending;
      if (result.done) return;
      pending = source.next();
      pending.catch(() => {});
      yield result.value;
    }
  } finally {
    await source.return?.();
  }
}
