import type { Tx } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';

type RefundAlert = {
  tx: Tx;
  kind: 'refund_abnormal' | 'refund_stuck' | 'untrusted_provider_answer' | 'refund_not_applied';
  refund: { id: string; merchantId: string; paymentId: string; providerRefundNo: string; amount: number; currency: string };
  evidence: Record<string, unknown>;
};

/**
 * Raises an alert for a person about one refund, at most one live alert per kind and refund (its open key), so a
 * look that meets the same problem again, or a retried job, raises it once.
 */
export async function raiseRefundAlert({ tx, kind, refund, evidence }: RefundAlert): Promise<boolean> {
  const [alert] = await tx.riskAlert.createManyAndReturn({
    data: {
      kind,
      merchantId: refund.merchantId,
      paymentId: refund.paymentId,
      openKey: `${kind}:refund:${refund.id}`,
      evidence: {
        refundId: refund.id,
        providerRefundNo: refund.providerRefundNo,
        amount: refund.amount,
        currency: refund.currency,
        ...evidence,
      },
    },
    skipDuplicates: true,
    select: { id: true },
  });
  if (alert) await notifyChanges(tx, [{ kind: 'alert', id: alert.id, merchantId: refund.merchantId }]);
  return alert !== undefined;
}
