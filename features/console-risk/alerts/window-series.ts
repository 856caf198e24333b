import type { WindowPoint } from '@/components/charts/window-baseline-chart';

const minuteMs = 60_000;

type Paid = { paidAt: string | null; amount: number };

/**
 * The merchant's window sum minute by minute, as the risk engine counts it: the window of N minutes ending with a
 * minute holds the payments paid in that minute and the N − 1 before it. From `from` to `to`, one point per minute
 * (at most `maxPoints`, coarser steps past that), so the chart shows the rise to the crossing and what came after.
 */
export function buildWindowSeries({
  payments,
  windowMinutes,
  from,
  to,
  maxPoints = 240,
}: {
  payments: readonly Paid[];
  windowMinutes: number;
  from: Date;
  to: Date;
  maxPoints?: number;
}): WindowPoint[] {
  const firstMinute = Math.floor(from.getTime() / minuteMs);
  const lastMinute = Math.floor(to.getTime() / minuteMs);
  if (lastMinute < firstMinute || windowMinutes < 1) return [];
  // Amount per minute since the first window's start.
  const perMinute = new Map<number, number>();
  for (const payment of payments) {
    if (!payment.paidAt) continue;
    const minute = Math.floor(new Date(payment.paidAt).getTime() / minuteMs);
    if (minute < firstMinute - windowMinutes + 1 || minute > lastMinute) continue;
    perMinute.set(minute, (perMinute.get(minute) ?? 0) + payment.amount);
  }
  const step = Math.max(1, Math.ceil((lastMinute - firstMinute + 1) / maxPoints));
  const points: WindowPoint[] = [];
  let sum = 0;
  for (let minute = firstMinute - windowMinutes + 1; minute < firstMinute; minute++) sum += perMinute.get(minute) ?? 0;
  for (let minute = firstMinute; minute <= lastMinute; minute++) {
    sum += perMinute.get(minute) ?? 0;
    if ((minute - firstMinute) % step === 0 || minute === lastMinute) points.push({ time: minute * minuteMs, windowSum: sum });
    sum -= perMinute.get(minute - windowMinutes + 1) ?? 0;
  }
  return points;
}

/** The range the chart covers: three windows before the crossing window, and one window after the crossing. */
export function chartRange({ windowStart, paidAt, windowMinutes }: { windowStart: string; paidAt: string; windowMinutes: number }) {
  const span = windowMinutes * minuteMs;
  return { from: new Date(new Date(windowStart).getTime() - 3 * span), to: new Date(new Date(paidAt).getTime() + span) };
}
