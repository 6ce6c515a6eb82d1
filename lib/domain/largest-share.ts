/** The biggest group and its share of the whole: "one provider hosts 31% of nodes". */
export interface GroupCount {
  key: string;
  count: number;
}

export interface LargestShare {
  key: string;
  count: number;
  /** count / total, 0..1 */
  share: number;
}

/** Null when there is nothing to share; ties go to the first key alphabetically so the answer is stable. */
export function largestShare(groups: GroupCount[], total: number): LargestShare | null {
  if (total <= 0) return null;
  let best: GroupCount | null = null;
  for (const g of groups) {
    if (!best || g.count > best.count || (g.count === best.count && g.key < best.key)) best = g;
  }
  return best && best.count > 0 ? { key: best.key, count: best.count, share: best.count / total } : null;
}

/** "31.4%": one decimal below 10%, none needed above, never rounded up to a misleading 100%. */
export function formatShare(share: number): string {
  const pct = share * 100;
  if (pct > 99.9 && pct < 100) return "99.9%";
  return `${pct < 10 ? pct.toFixed(1) : pct.toFixed(0)}%`;
}
