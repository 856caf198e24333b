import type { PgBoss } from 'pg-boss';
import type { z } from 'zod';
import type { Db } from '@/lib/db/prisma';
import type { extraPaymentJobSchema } from '@/contracts/jobs';
import { refundExtraPayment } from '@/server/refunds/refund-extra-payment';
import type { LifecycleSettings } from './lifecycle-settings';
import { raiseLifecycleAlert } from './raise-lifecycle-alert';

type HandleExtraPayment = { db: Db; boss: PgBoss; settings: LifecycleSettings; job: z.output<typeof extraPaymentJobSchema> };

/**
 * An attempt paid that its payment does not keep as a normal sale, queued by the transaction that marked it: a
 * duplicate payment (another attempt is the paid one; this money must go back to the shopper, DESIGN §9) or a late
 * payment (paid after we closed it; the payment took it, flagged). Each raises one alert with its evidence, and the
 * duplicate is refunded in full at once (`refund-extra-payment.ts`), so the merchant keeps exactly the one payment it
 * was told of. Idempotent, keyed on the attempt: a retried job finds its alert and its refund already made.
 */
export async function handleExtraPayment({ db, boss, settings, job }: HandleExtraPayment) {
  const attempt = await db.paymentAttempt.findUniqueOrThrow({ where: { id: job.attemptId }, include: { payment: true } });
  const raised = await db.$transaction((tx) =>
    raiseLifecycleAlert({
      tx,
      kind: job.kind,
      attemptId: attempt.id,
      merchantId: attempt.merchantId,
      paymentId: attempt.paymentId,
      evidence: {
        message:
          job.kind === 'duplicate_payment'
            ? `Payment ${attempt.paymentId} was paid twice: attempt ${attempt.providerTradeNo} paid ${attempt.amount} ${attempt.currency} besides its paid attempt`
            : `Attempt ${attempt.providerTradeNo} was paid after it was closed; payment ${attempt.paymentId} is ${attempt.payment.status}`,
        providerTradeNo: attempt.providerTradeNo,
        provider: attempt.provider,
        providerTransactionId: attempt.providerTransactionId,
        amount: attempt.amount,
        currency: attempt.currency,
        paidAttemptId: attempt.payment.paidAttemptId,
      },
    }),
  );
  const refund = job.kind === 'duplicate_payment' ? await refundExtraPayment({ db, boss, attemptId: attempt.id, settings }) : null;
  return { attemptId: attempt.id, kind: job.kind, alerted: raised, refund };
}
