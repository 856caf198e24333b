import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { addDays } from '@/lib/format/add-days';
import { businessDate } from '@/lib/format/business-date';
import { isAppError } from '@/lib/errors';
import { getProviderClient } from '@/server/providers/get-provider-client';
import { reconcileProviderDay } from './reconcile-provider-day';

type ReconcileBills = { db: Db; boss: PgBoss; date?: string; now?: Date };

const billProviders = ['wechatpay', 'alipay'] as const;

/**
 * The `reconcile` task: each configured provider's bill of `date` (by default yesterday, China time, the providers'
 * bill day) against our books. The sandbox serves no bill; a provider this gateway has no keys for is skipped.
 */
export async function reconcileBills({ db, boss, date, now = new Date() }: ReconcileBills) {
  const day = date ?? addDays(businessDate(now, 'Asia/Shanghai'), -1);
  const outcomes: Record<string, number> = {};
  const items: { id: string; outcome: string }[] = [];
  const count = (outcome: string, by = 1) => void (outcomes[outcome] = (outcomes[outcome] ?? 0) + by);
  let examined = 0;
  for (const provider of billProviders) {
    let client;
    try {
      client = getProviderClient({ db, boss, provider });
    } catch (error) {
      if (isAppError(error) && error.code === 'unavailable') continue;
      throw error;
    }
    const result = await reconcileProviderDay({ db, client, provider, date: day });
    if (result.outcome !== 'reconciled') {
      count(result.outcome);
      if (result.alertId) items.push({ id: result.alertId, outcome: result.outcome });
      continue;
    }
    examined += result.billLines;
    count('matched', result.matched);
    for (const { difference, alertId } of result.differences) {
      count(difference.kind);
      if (alertId) items.push({ id: alertId, outcome: difference.kind });
    }
  }
  return { date: day, examined, outcomes, items };
}
