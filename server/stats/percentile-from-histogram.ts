/**
 * The upper edge of the bucket holding the given percentile of a histogram of `{ le, count }` buckets (each counts
 * the values at most `le` and above the previous edge), or null when it is empty. It never understates: the true
 * percentile is at most the answer and above the edge before it.
 */
export function percentileFromHistogram(buckets: { le: number; count: number }[], percentile: number): number | null {
  const sorted = [...buckets].filter((bucket) => bucket.count > 0).sort((a, b) => a.le - b.le);
  const total = sorted.reduce((sum, bucket) => sum + bucket.count, 0);
  if (total === 0) return null;
  const rank = Math.ceil((percentile / 100) * total);
  let seen = 0;
  for (const bucket of sorted) {
    seen += bucket.count;
    if (seen >= rank) return bucket.le;
  }
  return sorted[sorted.length - 1].le;
}
