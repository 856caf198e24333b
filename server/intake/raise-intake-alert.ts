import type { Tx } from '@/lib/db/prisma';
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
  await tx.riskAlert.create({
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
}
