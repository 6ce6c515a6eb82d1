/**
 * Running totals of bigint columns over rows in time order: row i's `cumulative[k]` is the sum
 * of `k` over rows 0..i, starting from `opening` (what came before the first row).
 */
export function cumulativeSeries<K extends string, Row extends Record<K, bigint>>(
  rows: Row[],
  keys: readonly K[],
  opening: Partial<Record<K, bigint>> = {},
): (Row & { cumulative: Record<K, bigint> })[] {
  const running = Object.fromEntries(keys.map((k) => [k, opening[k] ?? 0n])) as Record<K, bigint>;
  return rows.map((row) => {
    for (const k of keys) running[k] += row[k];
    return { ...row, cumulative: { ...running } };
  });
}
