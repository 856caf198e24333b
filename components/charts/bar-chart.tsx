'use client';

import { Bar, BarChart as RechartsBarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '@/lib/format/format-number';
import { ChartFrame } from '@/components/charts/chart-frame';
import { ChartLegend } from '@/components/charts/chart-legend';
import { ChartTooltip } from '@/components/charts/chart-tooltip';
import { axisProps, chartColor, gridProps } from '@/components/charts/chart-colors';
import type { ChartSeries } from '@/components/charts/time-series-chart';
import { Skeleton } from '@/components/ui/skeleton';

type BarChartProps = {
  /** One bar group per category: `{ category: 'Lawson Xuhui', volume: 1234500 }`. */
  data: readonly ({ category: string } & Record<string, unknown>)[] | undefined;
  series: readonly ChartSeries[];
  stacked?: boolean;
  /** 'horizontal' bars read better for long names (merchants) and on a phone. */
  layout?: 'vertical' | 'horizontal';
  label: string;
  summary?: string;
  height?: number;
  formatValue?: (value: number) => string;
  isLoading?: boolean;
  emptyTitle?: string;
};

const defaultFormat = (value: number) => formatCount(value);

/** Values per category (volume per merchant, deliveries by status, attempts by response code). */
export function BarChart({
  data,
  series,
  stacked = false,
  layout = 'vertical',
  label,
  summary,
  height = 240,
  formatValue = defaultFormat,
  isLoading = false,
  emptyTitle,
}: BarChartProps) {
  if (isLoading) return <Skeleton className="w-full" style={{ height }} />;
  const colored = series.map((item, index) => ({ ...item, color: item.color ?? chartColor(index) }));
  const horizontal = layout === 'horizontal';
  return (
    <div className="min-w-0">
      {colored.length > 1 && <ChartLegend items={colored} />}
      <ChartFrame label={label} summary={summary} height={height} isEmpty={!data?.length} emptyTitle={emptyTitle}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
          <RechartsBarChart
            data={data?.slice()}
            layout={horizontal ? 'vertical' : 'horizontal'}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          >
            <CartesianGrid {...gridProps} vertical={horizontal} horizontal={!horizontal} />
            {horizontal ? (
              <>
                <XAxis type="number" tickFormatter={formatValue} {...axisProps} />
                <YAxis type="category" dataKey="category" width={120} {...axisProps} />
              </>
            ) : (
              <>
                <XAxis type="category" dataKey="category" interval="preserveStartEnd" {...axisProps} />
                <YAxis type="number" width={56} tickFormatter={formatValue} {...axisProps} />
              </>
            )}
            <Tooltip
              cursor={{ fill: 'var(--muted)' }}
              content={<ChartTooltip formatLabel={(value) => String(value)} formatValue={formatValue} />}
            />
            {colored.map((item) => (
              <Bar
                key={item.key}
                dataKey={item.key}
                name={item.label}
                fill={item.color}
                radius={stacked ? 0 : 3}
                stackId={stacked ? 'stack' : undefined}
                isAnimationActive={false}
              />
            ))}
          </RechartsBarChart>
        </ResponsiveContainer>
      </ChartFrame>
    </div>
  );
}
