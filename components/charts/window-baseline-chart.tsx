'use client';

import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDateTime } from '@/lib/format/format-date-time';
import { formatMoney } from '@/lib/format/format-money';
import { toDate, type Instant } from '@/lib/format/to-date';
import { ChartFrame } from '@/components/charts/chart-frame';
import { ChartLegend } from '@/components/charts/chart-legend';
import { ChartTooltip } from '@/components/charts/chart-tooltip';
import { axisProps, gridProps } from '@/components/charts/chart-colors';
import { useTimeAxis } from '@/components/charts/use-time-axis';
import { Skeleton } from '@/components/ui/skeleton';

export type WindowPoint = {
  time: Instant;
  /** The merchant's sum over the rule's window ending at `time`, in minor units. */
  windowSum: number;
  /** The merchant's own baseline for a window of that length at `time`, in minor units (omit when constant). */
  baseline?: number;
};

type WindowBaselineChartProps = {
  points: readonly WindowPoint[] | undefined;
  /** The line the window sum had to cross (the larger of the floor and multiplier × baseline), in minor units. */
  threshold: number;
  /** A constant baseline, when the evidence has one figure rather than one per point. */
  baseline?: number;
  /** The point that crossed (the alert's payment); found as the first point above the threshold when absent. */
  crossing?: { time: Instant; windowSum: number };
  currency?: string;
  /** The rule's name for the accessible label ("window-amount-15m"). */
  ruleName?: string;
  height?: number;
  isLoading?: boolean;
};

const COLORS = { sum: 'var(--chart-1)', baseline: 'var(--muted-foreground)', threshold: 'var(--destructive)' };

/**
 * A risk alert's evidence as a picture: the merchant's window sum over time against its own baseline, the threshold
 * as a line, and the point where the sum crossed it marked.
 */
export function WindowBaselineChart({
  points,
  threshold,
  baseline,
  crossing,
  currency = 'CNY',
  ruleName,
  height = 260,
  isLoading = false,
}: WindowBaselineChartProps) {
  const series = (points ?? []).map((point) => ({ ...point, baseline: point.baseline ?? baseline }));
  const axis = useTimeAxis(series);
  if (isLoading) return <Skeleton className="w-full" style={{ height }} />;
  const money = (value: number) => formatMoney(Math.round(value), currency);
  const compact = (value: number) => formatMoney(Math.round(value), currency, { notation: 'compact' });
  const crossed = crossing ?? series.find((point) => point.windowSum > threshold);
  const crossedAt = crossed ? toDate(crossed.time).getTime() : undefined;
  const peak = series.reduce<WindowPoint | undefined>(
    (best, point) => (!best || point.windowSum > best.windowSum ? point : best),
    undefined,
  );
  const hasBaseline = series.some((point) => point.baseline !== undefined);
  const summary = peak
    ? [
        `The window sum peaked at ${money(peak.windowSum)} at ${formatDateTime(peak.time, axis.timeZone, 'minute')}.`,
        (baseline ?? peak.baseline) !== undefined ? `Baseline ${money(baseline ?? peak.baseline ?? 0)}.` : '',
        `Threshold ${money(threshold)}.`,
        crossed
          ? `First above the threshold at ${formatDateTime(crossed.time, axis.timeZone, 'minute')} with ${money(crossed.windowSum)}.`
          : 'It did not cross the threshold.',
      ]
        .filter(Boolean)
        .join(' ')
    : undefined;
  return (
    <div className="min-w-0">
      <ChartLegend
        items={[
          { label: 'Window sum', color: COLORS.sum },
          ...(hasBaseline ? [{ label: 'Baseline', color: COLORS.baseline, dashed: true }] : []),
          { label: `Threshold ${money(threshold)}`, color: COLORS.threshold, dashed: true },
        ]}
      />
      <ChartFrame
        label={`Window sum against baseline and threshold${ruleName ? ` for ${ruleName}` : ''}`}
        summary={summary}
        height={height}
        isEmpty={series.length === 0}
        emptyTitle="No window figures for this alert"
      >
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
          <ComposedChart data={axis.points} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
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
            <YAxis width={64} tickFormatter={compact} domain={[0, 'auto']} {...axisProps} />
            <Tooltip content={<ChartTooltip formatLabel={axis.formatTooltipTime} formatValue={(value) => money(value)} />} />
            <Area
              dataKey="windowSum"
              name="Window sum"
              type="monotone"
              stroke={COLORS.sum}
              fill={COLORS.sum}
              fillOpacity={0.15}
              strokeWidth={2}
              isAnimationActive={false}
            />
            {hasBaseline && (
              <Line
                dataKey="baseline"
                name="Baseline"
                type="stepAfter"
                stroke={COLORS.baseline}
                strokeDasharray="4 4"
                strokeWidth={1.5}
                dot={false}
                isAnimationActive={false}
              />
            )}
            <ReferenceLine y={threshold} stroke={COLORS.threshold} strokeDasharray="6 3" strokeWidth={1.5} ifOverflow="extendDomain" />
            {crossed && crossedAt !== undefined && (
              <ReferenceDot
                x={crossedAt}
                y={crossed.windowSum}
                r={6}
                fill={COLORS.threshold}
                stroke="var(--card)"
                strokeWidth={2}
                label={{ value: 'Crossed', position: 'top', fill: COLORS.threshold, fontSize: 12, fontWeight: 600 }}
              />
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </ChartFrame>
    </div>
  );
}
