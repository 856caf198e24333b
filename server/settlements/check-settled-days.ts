import type { Db } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { recomputeSettlements } from './recompute-settlements';

type CheckSettledDays = { db: Db; now?: Date; delaySeconds?: number; limit?: number };

export type DayChecked = { date: string; differences: number; alertIds: string[] };

/**
 * DESIGN §9 "alerts when a recompute differs", by itself: each settled day is recomputed once more from the ledger a
 * settle delay after it was settled (a transaction that committed late would show by then) and compared with its
 * rows; each difference is raised as `settlement_mismatch`. Two workers may both check a day: alerts are raised once
 * while live, and the mark is set by whichever finishes.
 */
export async function checkSettledDays({ db, now = new Date(), delaySeconds, limit = 31 }: CheckSettledDays): Promise<DayChecked[]> {
  const settledBefore = new Date(now.getTime() - (delaySeconds ?? getEnv().SETTLEMENT_DELAY_SECONDS) * 1000);
  const days = await db.settlementDay.findMany({
    where: { checkedAt: null, settledAt: { lte: settledBefore } },
    orderBy: { day: 'asc' },
    take: limit,
  });
  const checked: DayChecked[] = [];
  for (const { day } of days) {
    const date = day.toISOString().slice(0, 10);
    const result = await recomputeSettlements({ db, input: { from: date, to: date } });
    await db.settlementDay.updateMany({ where: { day, checkedAt: null }, data: { checkedAt: now } });
    checked.push({
      date,
      differences: result.differences.length,
      alertIds: result.differences.flatMap((difference) => (difference.alertId ? [difference.alertId] : [])),
    });
  }
  return checked;
}
