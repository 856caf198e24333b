import type { Db } from '@/lib/db/prisma';
import type { ProviderClient } from '@/server/providers/provider-client';
import { recordProviderExchange } from '@/server/providers/record-provider-exchange';
import { raiseBooksAlert } from '@/server/settlements/raise-books-alert';
import { compareBill, type BillDifference } from './compare-bill';
import { readBookRecords } from './read-book-records';

type ReconcileProviderDay = { db: Db; client: ProviderClient; provider: 'wechatpay' | 'alipay'; date: string };

export type ProviderDayReconciled =
  | { outcome: 'reconciled'; billLines: number; matched: number; differences: { difference: BillDifference; alertId: string | null }[] }
  | { outcome: 'bill_unavailable' | 'bill_untrusted'; message: string; alertId: string | null };

const alertKinds = {
  missing_here: 'reconcile_missing_here',
  missing_in_bill: 'reconcile_missing_in_bill',
  amount_differs: 'reconcile_amount_differs',
} as const;

/**
 * DESIGN §9 Reconcile: one provider's bill of one day against our attempts and refunds. Each difference becomes an
 * alert (one while it is live, so reconciling a day again raises nothing new). The bill's exchanges are kept; a
 * bill we could not get is tried again by the next run, one we could not trust is raised.
 */
export async function reconcileProviderDay({ db, client, provider, date }: ReconcileProviderDay): Promise<ProviderDayReconciled> {
  if (!client.downloadBill) return { outcome: 'bill_unavailable', message: `${provider} serves no bill`, alertId: null };
  const result = await client.downloadBill({ date });
  for (const exchange of [...(result.precedingExchanges ?? []), result.exchange]) await recordProviderExchange(db, exchange, {});
  if (!result.ok) {
    const { kind, message } = result.failure;
    if (kind !== 'untrusted') return { outcome: 'bill_unavailable', message, alertId: null };
    const alertId = await raiseBooksAlert({
      db,
      kind: 'reconcile_bill_untrusted',
      key: `${provider}:${date}`,
      merchantId: null,
      evidence: { provider, date, message },
    });
    return { outcome: 'bill_untrusted', message, alertId };
  }
  const ours = await readBookRecords({ db, provider, date, bill: result.value });
  const { matched, differences } = compareBill(result.value, ours);
  const raised = [];
  for (const difference of differences) {
    const record = difference.ours;
    const number =
      difference.kind === 'missing_in_bill'
        ? difference.ours.number
        : (difference.line.providerRefundNo ?? difference.line.providerTradeNo);
    const alertId = await raiseBooksAlert({
      db,
      kind: alertKinds[difference.kind],
      key: `${provider}:${number}`,
      merchantId: record?.merchantId ?? null,
      paymentId: record?.paymentId ?? null,
      evidence: { provider, billDate: date, ...difference },
    });
    raised.push({ difference, alertId });
  }
  return { outcome: 'reconciled', billLines: result.value.length, matched, differences: raised };
}
