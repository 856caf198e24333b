'use client';

import { useMemo } from 'react';
import { WindowBaselineChart } from '@/components/charts/window-baseline-chart';
import type { PaymentListItem } from '@/features/console-risk/api/get-payments';
import type { WindowEvidence } from '@/features/console-risk/alerts/read-evidence';
import { buildWindowSeries } from '@/features/console-risk/alerts/window-series';

type AlertChartProps = {
  window: WindowEvidence;
  payments: readonly PaymentListItem[];
  range: { from: Date; to: Date } | null;
  currency: string;
  ruleName?: string;
  isLoading: boolean;
};

/** The merchant's window sum minute by minute against its own baseline and the threshold the rule drew. */
export function AlertChart({ window, payments, range, currency, ruleName, isLoading }: AlertChartProps) {
  const points = useMemo(
    () => (range ? buildWindowSeries({ payments, windowMinutes: window.windowMinutes, from: range.from, to: range.to }) : []),
    [payments, range, window.windowMinutes],
  );
  return (
    <WindowBaselineChart
      points={points}
      threshold={window.threshold}
      baseline={window.baseline ?? undefined}
      // The engine's own figure at the crossing, exact, rather than the one recomputed from the list.
      crossing={{ time: window.paidAt, windowSum: window.windowSum }}
      currency={currency}
      ruleName={ruleName}
      isLoading={isLoading}
    />
  );
}
