import { randomInt } from 'node:crypto';
import type { Payment } from '@/generated/prisma/client';
import type { Tx } from '@/lib/db/prisma';

/** The sandbox provider's side of "create order": it now knows the order and will give it a transaction id. */
export async function registerSandboxOrder({ tx, payment }: { tx: Tx; payment: Payment }) {
  const transactionId = `4200${Date.now()}${String(randomInt(0, 1e9)).padStart(9, '0')}`;
  await tx.sandboxOrder.create({
    data: {
      paymentId: payment.id,
      outTradeNo: payment.outTradeNo,
      transactionId,
      amount: payment.amount,
      currency: payment.currency,
    },
  });
}
