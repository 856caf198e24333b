import type { Db } from '@/lib/db/prisma';
import type { Principal } from '@/lib/auth/principal';
import { boundMerchantId } from '@/lib/auth/merchant-scope';
import { businessToday } from '@/server/stats/business-today';
import { bucketStart, windowStart } from '@/server/stats/time-buckets';
import { getMerchantRow } from './get-merchant-row';
import { readEndpointHealth } from './read-endpoint-health';
import { readMerchantFigures } from './read-merchant-figures';
import { readMerchantVolume } from './read-merchant-volume';

type GetMerchantSummary = { db: Db; id: string; principal: Principal | null; timeZone: string; days: number; now?: Date };

/**
 * The merchant page's and the portal home's figures, all from pre-aggregated rows. Open alerts are risk internals:
 * a caller bound to the merchant gets null.
 */
export async function getMerchantSummary({ db, id, principal, timeZone, days, now = new Date() }: GetMerchantSummary) {
  const merchant = await getMerchantRow({ db, id, principal });
  const today = businessToday(now, timeZone);
  const todaySince = bucketStart(today.since, 3600);
  const weekSince = windowStart(now, 3600, 168);
  const seriesFrom = windowStart(now, 3600, days * 24);
  const [figures, endpoint, volume] = await Promise.all([
    readMerchantFigures({ db, merchantIds: [id], now }),
    readEndpointHealth({ db, merchantId: id, now }),
    readMerchantVolume({ db, merchantId: id, from: seriesFrom, now, totalsSince: [todaySince, weekSince] }),
  ]);
  const { deliveries, openAlerts } = figures.get(id)!;
  const [todayTotals, weekTotals] = volume.totals;
  return {
    merchantId: id,
    status: merchant.status,
    timeZone,
    endpoint: {
      notifyUrl: merchant.notifyUrl,
      disabledAt: merchant.endpointDisabledAt?.toISOString() ?? null,
      disabledReason: merchant.endpointDisabledReason,
      failingSince: merchant.endpointFailingSince?.toISOString() ?? null,
      ...endpoint,
    },
    deliveries,
    today: { date: today.date, since: todaySince.toISOString(), ...todayTotals },
    last7Days: { since: weekSince.toISOString(), ...weekTotals },
    series: { bucketSeconds: 3600 as const, from: seriesFrom.toISOString(), to: now.toISOString(), points: volume.points },
    openAlerts: boundMerchantId(principal) === null ? openAlerts : null,
  };
}
