// Money facts for settlement tests: payments paid and refunds succeeded through the database's own booking triggers
// (booked now), or ledger entries booked at a chosen instant, as a fact arriving at that moment would be.
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '@/lib/db/prisma';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';

export async function feeMerchant(db: Db, feeRatePpm = 6_000, name?: string) {
  const merchant = await makeMerchant(db, { name });
  await db.merchant.update({ where: { id: merchant.id }, data: { feeRatePpm } });
  return merchant;
}

/** A WeChat Pay attempt made paid now: the trigger books its payment and fee in the same statement. */
export async function payNow(db: Db, merchantId: string, amount: number) {
  const payment = await makePayment(db, { merchantId, amount });
  const attemptId = payment.attempts[0].id;
  await db.$executeRaw`
    UPDATE payment_attempt SET status = 'succeeded', provider_transaction_id = ${`T${attemptId.replaceAll('-', '')}`}, paid_at = now()
    WHERE id = ${attemptId}::uuid`;
  await db.$executeRaw`UPDATE payment SET status = 'succeeded', paid_attempt_id = ${attemptId}::uuid, paid_at = now() WHERE id = ${payment.id}::uuid`;
  return { merchantId, paymentId: payment.id, attemptId, amount, outTradeNo: payment.outTradeNo };
}

let refundSequence = 0;

/** A refund of a paid attempt that succeeds now (reserved first, as the refund path does): booked with its fee return. */
export async function refundNow(db: Db, paid: { merchantId: string; paymentId: string; attemptId: string }, amount: number) {
  const no = `R${Date.now()}${++refundSequence}`;
  await db.$executeRaw`UPDATE payment_attempt SET refund_reserved = refund_reserved + ${amount}, refund_count = refund_count + 1
    WHERE id = ${paid.attemptId}::uuid`;
  const refund = await db.refund.create({
    data: {
      paymentId: paid.paymentId,
      attemptId: paid.attemptId,
      merchantId: paid.merchantId,
      refundNo: no,
      providerRefundNo: `RT${no}`,
      amount,
      reason: 'customer',
      requestedBy: 'token:admin',
      status: 'processing',
      submittedAt: new Date(),
    },
  });
  await db.refund.update({ where: { id: refund.id }, data: { status: 'succeeded', succeededAt: new Date() } });
  return refund;
}

type Entry = { kind: 'payment' | 'refund' | 'fee' | 'fee_return'; amount: number; at: Date; refundId?: string | null; sandbox?: boolean };

/** Ledger entries of one attempt booked at chosen instants (a day's facts for a day that has passed). */
export async function bookAt(db: Db, attempt: { merchantId: string; paymentId: string; attemptId: string }, entries: Entry[]) {
  for (const entry of entries) {
    await db.ledgerEntry.create({
      data: {
        merchantId: attempt.merchantId,
        paymentId: attempt.paymentId,
        attemptId: attempt.attemptId,
        refundId: entry.refundId ?? null,
        kind: entry.kind,
        sourceId: uuidv7(),
        amount: entry.amount,
        currency: 'CNY',
        sandbox: entry.sandbox ?? false,
        bookedAt: entry.at,
      },
    });
  }
}

/** An unpaid attempt to hang entries booked at chosen instants on. */
export async function attemptOf(db: Db, merchantId: string, amount = 1_000) {
  const payment = await makePayment(db, { merchantId, amount });
  return { merchantId, paymentId: payment.id, attemptId: payment.attempts[0].id, outTradeNo: payment.outTradeNo };
}
