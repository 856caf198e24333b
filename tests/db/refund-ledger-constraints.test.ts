// The money rules the database itself keeps (migration refunds_ledger_settlements): the refund reserve within what
// was paid, at most 50 refunds an order, the fee rule, final refund states, and an append-only ledger booked by the
// facts' own transactions.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp();

async function paidAttempt(amount = 10_000, feeRatePpm = 6_000) {
  const merchant = await makeMerchant(app.db);
  await app.db.merchant.update({ where: { id: merchant.id }, data: { feeRatePpm } });
  const payment = await makePayment(app.db, { merchantId: merchant.id, amount });
  const attemptId = payment.attempts[0].id;
  await app.db.$executeRaw`
    UPDATE payment_attempt SET status = 'succeeded', provider_transaction_id = ${`T${attemptId}`}, paid_at = now()
    WHERE id = ${attemptId}::uuid`;
  return { merchantId: merchant.id, paymentId: payment.id, attemptId, amount };
}

const reserve = (attemptId: string, amount: number) =>
  app.db.$executeRaw`UPDATE payment_attempt SET refund_reserved = refund_reserved + ${amount}, refund_count = refund_count + 1
    WHERE id = ${attemptId}::uuid`;

const entriesOf = (attemptId: string) =>
  app.db.ledgerEntry.findMany({
    where: { attemptId },
    orderBy: [{ bookedAt: 'asc' }, { kind: 'asc' }],
    select: { kind: true, amount: true },
  });

function refundRow(paid: Awaited<ReturnType<typeof paidAttempt>>, amount: number, no: string) {
  return app.db.refund.create({
    data: {
      paymentId: paid.paymentId,
      attemptId: paid.attemptId,
      merchantId: paid.merchantId,
      refundNo: no,
      providerRefundNo: `RT${no}`,
      amount,
      reason: 'customer',
      requestedBy: 'token:admin',
    },
  });
}

describe('refunds, fees and the ledger in the database', () => {
  test('the fee is amount × ppm / 1,000,000 rounded half up: 6000 ppm of 83 fen is 0, of 84 fen is 1', async () => {
    const fees = await app.db.$queryRaw<{ amount: number; fee: bigint }[]>`
      SELECT amount, paygate_fee(amount, 6000) AS fee FROM unnest(ARRAY[0, 1, 83, 84, 249, 250, 10000, 2147483647]) AS amount`;
    assert.deepEqual(
      fees.map((row) => [row.amount, Number(row.fee)]),
      [
        [0, 0],
        [1, 0],
        [83, 0],
        [84, 1],
        [249, 1],
        [250, 2],
        [10_000, 60],
        [2_147_483_647, 12_884_902],
      ],
    );
  });

  test('an attempt that becomes paid books its payment and its fee once, at the merchant rate snapshotted on it', async () => {
    const paid = await paidAttempt(12_345, 6_000);
    assert.equal((await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: paid.attemptId } })).feeRatePpm, 6_000);
    assert.deepEqual(await entriesOf(paid.attemptId), [
      { kind: 'payment', amount: 12_345 },
      { kind: 'fee', amount: 74 },
    ]);
    // Touching the paid attempt again books nothing more.
    await app.db.paymentAttempt.update({ where: { id: paid.attemptId }, data: { queryCount: { increment: 1 } } });
    assert.equal((await entriesOf(paid.attemptId)).length, 2);
  });

  test('the refund reserve cannot exceed what was paid, nor be held by an unpaid attempt, nor pass 50 refunds', async () => {
    const paid = await paidAttempt(1_000);
    await reserve(paid.attemptId, 600);
    await assert.rejects(reserve(paid.attemptId, 401), /payment_attempt_refund_reserved_within_paid/);
    await reserve(paid.attemptId, 400);
    const merchant = await makeMerchant(app.db);
    const pending = await makePayment(app.db, { merchantId: merchant.id });
    await assert.rejects(reserve(pending.attempts[0].id, 1), /payment_attempt_refund_reserved_within_paid/);
    await app.db.$executeRaw`UPDATE payment_attempt SET refund_reserved = 0, refund_count = 50 WHERE id = ${paid.attemptId}::uuid`;
    await assert.rejects(
      app.db.$executeRaw`UPDATE payment_attempt SET refund_count = 51 WHERE id = ${paid.attemptId}::uuid`,
      /payment_attempt_refund_count_limit/,
    );
  });

  test('a succeeded refund books itself and returns fee(paid − before) − fee(paid − after); a full refund returns it all', async () => {
    const paid = await paidAttempt(10_000);
    const first = await refundRow(paid, 3_333, 'A00001');
    const second = await refundRow(paid, 6_667, 'A00002');
    await reserve(paid.attemptId, 10_000);
    await app.db.refund.update({ where: { id: first.id }, data: { status: 'succeeded' } });
    await app.db.refund.update({ where: { id: second.id }, data: { status: 'succeeded' } });
    const entries = await entriesOf(paid.attemptId);
    // fee(10000) = 60; fee(6667) = 40, so the first returns 20; the second returns the remaining 40.
    assert.deepEqual(entries, [
      { kind: 'payment', amount: 10_000 },
      { kind: 'fee', amount: 60 },
      { kind: 'refund', amount: 3_333 },
      { kind: 'fee_return', amount: 20 },
      { kind: 'refund', amount: 6_667 },
      { kind: 'fee_return', amount: 40 },
    ]);
    const attempt = await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: paid.attemptId } });
    assert.equal(attempt.refundedAmount, 10_000);
    // More than reserved can never be refunded, even by writing the rows directly.
    const third = await refundRow(paid, 1, 'A00003');
    await assert.rejects(app.db.refund.update({ where: { id: third.id }, data: { status: 'succeeded' } }), /refunded_within_reserved/);
  });

  test('a final refund stays final', async () => {
    const paid = await paidAttempt(500);
    const refund = await refundRow(paid, 100, 'B00001');
    await app.db.refund.update({ where: { id: refund.id }, data: { status: 'closed' } });
    await assert.rejects(app.db.refund.update({ where: { id: refund.id }, data: { status: 'processing' } }), /cannot become/);
  });

  test('ledger entries cannot be changed or deleted', async () => {
    const paid = await paidAttempt(900);
    const [entry] = await app.db.ledgerEntry.findMany({ where: { attemptId: paid.attemptId } });
    await assert.rejects(app.db.ledgerEntry.update({ where: { id: entry.id }, data: { amount: 1 } }), /append-only/);
    await assert.rejects(app.db.ledgerEntry.deleteMany({ where: { attemptId: paid.attemptId } }), /append-only/);
    assert.equal((await app.db.ledgerEntry.findUniqueOrThrow({ where: { id: entry.id } })).amount, 900);
  });

  test('one delivery per payment event, and one per refund event', async () => {
    const paid = await paidAttempt(700);
    const refund = await refundRow(paid, 100, 'C00001');
    const delivery = (eventType: string, refundId: string | null) =>
      app.db.delivery.create({ data: { merchantId: paid.merchantId, paymentId: paid.paymentId, eventType, payload: {}, refundId } });
    await delivery('payment.succeeded', null);
    await assert.rejects(delivery('payment.succeeded', null), /Unique constraint/);
    await delivery('refund.succeeded', refund.id);
    await assert.rejects(delivery('refund.succeeded', refund.id), /Unique constraint/);
  });
});
