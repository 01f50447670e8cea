/** Summary of a sample of timings (or any figures). p95 is the nearest-rank percentile. */
export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
  p95: number;
  mean: number;
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('No samples to summarize.');
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return {
    n,
    median,
    min: sorted[0]!,
    max: sorted[n - 1]!,
    p95: sorted[Math.ceil(0.95 * n) - 1]!,
    mean: sorted.reduce((sum, value) => sum + value, 0) / n,
  };
}

/** Rounds every number of a summary for the results file (timings to µs). */
export function rounded(summary: Summary, digits = 3): Summary {
  const round = (value: number) => Number(value.toFixed(digits));
  return {
    n: summary.n,
    median: round(summary.median),
    min: round(summary.min),
    max: round(summary.max),
    p95: round(summary.p95),
    mean: round(summary.mean),
  };
}
