import type { Db } from '@/lib/db/prisma';
import { businessToday } from '@/server/stats/business-today';
import { windowStart } from '@/server/stats/time-buckets';
import { readCallbackHealth } from './read-callback-health';
import { readDeliveryHealth } from './read-delivery-health';
import { readPaymentFigures } from './read-payment-figures';

/** Health figures cover the last hour: this minute and the 59 before it. */
export const healthWindowMinutes = 60;

type GetOverview = { db: Db; timeZone: string; hours: number; now?: Date };

/**
 * The console's overview. Every figure comes from the pre-aggregated rows (or, for what is small by nature, such as
 * open alerts and merchants, from an index), so it costs the same with a million payments as with ten.
 */
export async function getOverview({ db, timeZone, hours, now = new Date() }: GetOverview) {
  const today = businessToday(now, timeZone);
  const seriesFrom = windowStart(now, 60, hours * 60);
  const healthSince = windowStart(now, 60, healthWindowMinutes);
  const [payments, deliveries, callbacks, alerts, [merchants]] = await Promise.all([
    readPaymentFigures({ db, todaySince: today.since, seriesFrom, now }),
    readDeliveryHealth({ db, since: healthSince }),
    readCallbackHealth({ db, since: healthSince, windowMinutes: healthWindowMinutes }),
    db.$queryRaw<{ status: string; count: bigint }[]>`
      SELECT status::text, count(*) AS count FROM risk_alert WHERE status IN ('open', 'acknowledged') GROUP BY status`,
    db.$queryRaw<{ total: bigint; blocked: bigint; disabled: bigint }[]>`
      SELECT count(*) AS total, count(*) FILTER (WHERE status = 'blocked') AS blocked,
        count(*) FILTER (WHERE endpoint_disabled_at IS NOT NULL) AS disabled
      FROM merchant`,
  ]);
  const alertCount = (status: string) => Number(alerts.find((row) => row.status === status)?.count ?? 0);
  return {
    generatedAt: now.toISOString(),
    timeZone,
    today: { date: today.date, since: today.since.toISOString(), ...payments.today },
    series: { bucketSeconds: 60 as const, from: seriesFrom.toISOString(), to: now.toISOString(), points: payments.points },
    deliveries: { windowMinutes: healthWindowMinutes, ...deliveries },
    alerts: { open: alertCount('open'), acknowledged: alertCount('acknowledged') },
    merchants: { total: Number(merchants.total), blocked: Number(merchants.blocked), endpointsDisabled: Number(merchants.disabled) },
    callbacks,
  };
}
