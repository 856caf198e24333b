'use client';

import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '@/lib/format/format-number';
import type { Instant } from '@/lib/format/to-date';
import { ChartFrame } from '@/components/charts/chart-frame';
import { ChartLegend } from '@/components/charts/chart-legend';
import { ChartTooltip } from '@/components/charts/chart-tooltip';
import { axisProps, chartColor, gridProps } from '@/components/charts/chart-colors';
import { useTimeAxis } from '@/components/charts/use-time-axis';
import { Skeleton } from '@/components/ui/skeleton';

export type ChartSeries = { key: string; label: string; color?: string };

type TimeSeriesChartProps = {
  /** One point per time (e.g. per minute), oldest first: `{ time, wechatpay: 12, alipay: 7 }`. */
  data: readonly ({ time: Instant } & Record<string, unknown>)[] | undefined;
  series: readonly ChartSeries[];
  /** Lines, or areas (stacked with `stacked`). */
  variant?: 'line' | 'area';
  stacked?: boolean;
  label: string;
  summary?: string;
  height?: number;
  /** Axis and tooltip values; counts by default, `(v) => formatMoney(v, 'CNY', { notation: 'compact' })` for fen. */
  formatValue?: (value: number) => string;
  isLoading?: boolean;
  emptyTitle?: string;
};

const defaultFormat = (value: number) => formatCount(value);

/** A series over time (orders per minute by provider, delivery latency), on the business clock. */
export function TimeSeriesChart({
  data,
  series,
  variant = 'line',
  stacked = false,
  label,
  summary,
  height = 240,
  formatValue = defaultFormat,
  isLoading = false,
  emptyTitle,
}: TimeSeriesChartProps) {
  const axis = useTimeAxis(data ?? []);
  if (isLoading) return <Skeleton className="w-full" style={{ height }} />;
  const colored = series.map((item, index) => ({ ...item, color: item.color ?? chartColor(index) }));
  return (
    <div className="min-w-0">
      {colored.length > 1 && <ChartLegend items={colored} />}
      <ChartFrame label={label} summary={summary} height={height} isEmpty={!data?.length} emptyTitle={emptyTitle}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
          <ComposedChart data={axis.points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid {...gridProps} />
            <XAxis
              dataKey="__x"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={axis.formatTick}
              minTickGap={24}
              {...axisProps}
            />
            <YAxis width={56} tickFormatter={formatValue} allowDecimals={false} {...axisProps} />
            <Tooltip content={<ChartTooltip formatLabel={axis.formatTooltipTime} formatValue={formatValue} />} />
            {colored.map((item) =>
              variant === 'area' ? (
                <Area
                  key={item.key}
                  dataKey={item.key}
                  name={item.label}
                  type="monotone"
                  stroke={item.color}
                  fill={item.color}
                  fillOpacity={0.15}
                  strokeWidth={2}
                  stackId={stacked ? 'stack' : undefined}
                  isAnimationActive={false}
                />
              ) : (
                <Line
                  key={item.key}
                  dataKey={item.key}
                  name={item.label}
                  type="monotone"
                  stroke={item.color}
                  strokeWidth={2}
                  dot={false}
                  isAnimationActive={false}
                />
              ),
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </ChartFrame>
    </div>
  );
}
