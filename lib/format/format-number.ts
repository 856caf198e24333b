const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A count with grouping: 1234567 → "1,234,567"; `compact` for chart axes: "1.2M". */
export function formatCount(value: number | bigint, options: { compact?: boolean } = {}): string {
  return (options.compact ? compact : count).format(value);
}

/** A share of a whole as a percentage with one decimal: (987, 1000) → "98.7%"; "—" when the whole is 0. */
export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return '—';
  return percent.format(part / whole);
}
