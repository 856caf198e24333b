'use client';

import type { ReactNode } from 'react';
import type { TooltipContentProps } from 'recharts';

type ChartTooltipProps = Partial<TooltipContentProps<number, string>> & {
  formatLabel: (label: unknown) => ReactNode;
  formatValue: (value: number, key: string) => ReactNode;
};

/** The tooltip every chart shows: the point's label (a business time, a category) and each series' value. */
export function ChartTooltip({ active, payload, label, formatLabel, formatValue }: ChartTooltipProps) {
  if (!active || !payload?.length) return null;
  return (
    <div className="grid min-w-40 gap-1.5 rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
      <div className="font-medium">{formatLabel(payload[0]?.payload?.__x ?? label)}</div>
      {payload.map((entry) => (
        <div key={String(entry.dataKey)} className="flex items-center justify-between gap-4">
          <span className="flex items-center gap-1.5 text-muted-foreground">
            <span aria-hidden className="size-2 rounded-[2px]" style={{ background: entry.color }} />
            {entry.name}
          </span>
          <span className="font-medium tabular-nums">
            {typeof entry.value === 'number' ? formatValue(entry.value, String(entry.dataKey)) : '—'}
          </span>
        </div>
      ))}
    </div>
  );
}
