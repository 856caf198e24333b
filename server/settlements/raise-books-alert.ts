import type { Tx } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';

export type BooksAlertKind =
  /** A recompute from the ledger differs from a stored settlement row. */
  | 'settlement_mismatch'
  /** A provider's bill has a payment or refund we have no record of, or hold as not moved. */
  | 'reconcile_missing_here'
  /** We hold a payment or refund of that day that the provider's bill does not list. */
  | 'reconcile_missing_in_bill'
  /** Both sides know it, with different amounts (or currencies). */
  | 'reconcile_amount_differs'
  /** The provider's bill failed verification (signature, digest): it is not read. */
  | 'reconcile_bill_untrusted';

type RaiseBooksAlert = {
  db: Tx;
  kind: BooksAlertKind;
  /** What the alert is about (e.g. `merchantId:date:currency`, `wechatpay:out_trade_no`): one live alert per kind and key. */
  key: string;
  merchantId: string | null;
  paymentId?: string | null;
  evidence: Record<string, unknown>;
};

/**
 * Raises an alert for a person when the books do not add up (settlement recompute, reconciliation against a
 * provider's bill). Deduplicated on its open key while it is live, so a pass that meets the same difference again
 * raises nothing new. Returns the new alert's id, or null when one was already live.
 */
export async function raiseBooksAlert({ db, kind, key, merchantId, paymentId = null, evidence }: RaiseBooksAlert): Promise<string | null> {
  const [alert] = await db.riskAlert.createManyAndReturn({
    data: { kind, merchantId, paymentId, openKey: `${kind}:${key}`, evidence: evidence as object },
    skipDuplicates: true,
    select: { id: true },
  });
  if (!alert) return null;
  await notifyChanges(db, [{ kind: 'alert', id: alert.id, merchantId }]);
  return alert.id;
}
