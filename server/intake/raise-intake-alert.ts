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

/** A verified notification we cannot match is never marked paid: it is raised for risk to look at. */
export async function raiseIntakeAlert({ tx, kind, merchantId, paymentId, notification, message }: IntakeAlert) {
  const alert = await tx.riskAlert.create({
    data: {
      kind,
      merchantId,
      paymentId,
      evidence: {
        message,
        provider: notification.provider,
        outTradeNo: notification.outTradeNo,
        providerTransactionId: notification.providerTransactionId,
        notifiedAmount: notification.amount,
        currency: notification.currency,
      },
    },
  });
  await notifyChanges(tx, [{ kind: 'alert', id: alert.id, merchantId }]);
}
