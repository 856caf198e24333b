import type { z } from 'zod';
import type { overviewSchema } from '@/contracts/overview';
import { providerSchema } from '@/contracts/payments';
import { formatStatus } from '@/lib/format/format-status';

type Overview = z.output<typeof overviewSchema>;

export const providerSeries = providerSchema.options.map((key) => ({ key, label: formatStatus(key) }));

/** Orders per minute by provider as chart rows: `{ time, wechatpay, alipay, sandbox }`, oldest first. */
export function ordersPerMinute(overview: Overview, measure: 'created' | 'paid') {
  return overview.series.points.map((point) => ({ time: point.at, ...point[measure] }));
}

/** Today's orders by where they are now, as bars. */
export function todayByStatus(overview: Overview) {
  return Object.entries(overview.today.byStatus).map(([status, count]) => ({ category: formatStatus(status), count }));
}

/** Callbacks in the window by what became of them; accepted is what is left after the problems. */
export function callbackOutcomes(overview: Overview) {
  const { received, duplicates, rejected, unknownPayment, amountMismatch } = overview.callbacks;
  const accepted = Math.max(0, received - duplicates - rejected - unknownPayment - amountMismatch);
  return [
    { category: 'Accepted', count: accepted },
    { category: 'Duplicates', count: duplicates },
    { category: 'Rejected', count: rejected },
    { category: 'Unknown payment', count: unknownPayment },
    { category: 'Amount mismatch', count: amountMismatch },
  ];
}

/** A share (0–1) as a percentage, or a dash while there is nothing to divide. */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${(Math.floor(share * 1000) / 10).toFixed(1)}%`;
}
