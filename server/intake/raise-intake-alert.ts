import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import type { PaymentNotification } from '@/server/providers/provider-notification';

type IntakeAlert = {
  tx: Tx;
  kind: 'unknown_payment' | 'amount_mismatch';
  merchantId: string | null;
  paymentId: string | null;
  notification: PaymentNotification;
  message: string;
};

/** One live intake alert per kind, provider and provider trade number (the `out_trade_no` the provider sent). */
export function intakeOpenKeyOf(kind: IntakeAlert['kind'], notification: Pick<PaymentNotification, 'provider' | 'outTradeNo'>): string {
  return `intake:${kind}:${notification.provider}:${notification.outTradeNo}`;
}

/**
 * A verified notification we cannot match is never marked paid: it is raised for risk to look at. The provider
 * retries such a notification for a day, so while its alert is open (or acknowledged) each retry only counts a hit
 * on it, under concurrency too (the unique open key).
 */
export async function raiseIntakeAlert({ tx, kind, merchantId, paymentId, notification, message }: IntakeAlert) {
  const evidence = {
    message,
    provider: notification.provider,
    outTradeNo: notification.outTradeNo,
    providerTransactionId: notification.providerTransactionId,
    notifiedAmount: notification.amount,
    currency: notification.currency,
  };
  const [alert] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO risk_alert (id, merchant_id, kind, status, evidence, payment_id, opened_at, open_key, hit_count)
    VALUES (${uuidv7()}::uuid, ${merchantId}::uuid, ${kind}, 'open', ${JSON.stringify(evidence)}::jsonb, ${paymentId}::uuid, now(),
      ${intakeOpenKeyOf(kind, notification)}, 1)
    ON CONFLICT (open_key) DO UPDATE SET hit_count = risk_alert.hit_count + 1
    RETURNING id::text`;
  await notifyChanges(tx, [{ kind: 'alert', id: alert.id, merchantId }]);
}
