/** The theme's chart colours in order (--chart-1 … --chart-5), repeating past five series. */
export function chartColor(index: number): string {
  return `var(--chart-${(index % 5) + 1})`;
}

/** Axis and grid styling shared by every chart, in theme colours. */
export const axisProps = {
  stroke: 'var(--border)',
  tick: { fill: 'var(--muted-foreground)', fontSize: 12 },
  tickLine: false,
  axisLine: false,
} as const;

export const gridProps = { stroke: 'var(--border)', strokeDasharray: '3 3', vertical: false } as const;
