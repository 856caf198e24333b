// DESIGN §9 duplicate payments, through the real queue: an order paid twice keeps one payment and the extra money
// goes back to the shopper automatically, under a refund number derived from the attempt; the merchant hears of
// exactly one payment.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as createPaymentRoute } from '@/app/api/payments/route';
import { makeMerchant } from '@/prisma/seed/factories';
import { refundSchema } from '@/contracts/refunds';
import { getEnv } from '@/lib/env';
import { handleExtraPayment } from '@/server/lifecycle/handle-extra-payment';
import { lifecycleSettingsFrom } from '@/server/lifecycle/lifecycle-settings';
import { callRoute } from '@/tests/helpers/call-route';
import { paySandbox, paySandboxAndNotify, postCallback, sandboxPaidCallback } from '@/tests/helpers/sandbox-provider';
import { useApp } from '@/tests/helpers/use-app';
import { useLifecycleWorker } from '@/tests/helpers/use-lifecycle-worker';
import { listRefunds, moneyOf, refundEventsOf, settleSandboxRefund } from './refund-helpers';

const app = useApp({ REFUND_QUERY_SCHEDULE: '60', LIFECYCLE_LEASE_SECONDS: '5' });
const worker = useLifecycleWorker(app);

/** A payment the shopper placed twice (the same order again while pending: a second attempt). */
async function orderedTwice(amount: number) {
  const merchant = await makeMerchant(app.db);
  const body = { merchantId: merchant.id, outTradeNo: `TWICE${Date.now()}${Math.round(Math.random() * 1e6)}`, amount, provider: 'sandbox' };
  const first = await callRoute(createPaymentRoute, { body });
  const second = await callRoute(createPaymentRoute, { body });
  assert.deepEqual([first.status, second.status], [201, 200]);
  return {
    merchantId: merchant.id,
    paymentId: first.json.id as string,
    attempts: [first.json.attempts[0], second.json.attempts.at(-1)] as { id: string; providerTradeNo: string }[],
  };
}

async function merchantDeliveries(paymentId: string) {
  return (await app.db.delivery.findMany({ where: { paymentId } })).map((delivery) => delivery.eventType);
}

describe('an order paid twice', () => {
  test('two attempts paid at once: one is kept, the other is refunded in full automatically; one payment.succeeded', async () => {
    const order = await orderedTwice(2_000);
    for (const attempt of order.attempts) await paySandbox(order.paymentId, { providerTradeNo: attempt.providerTradeNo, fault: 'lost' });
    const callbacks = await Promise.all(order.attempts.map((attempt) => sandboxPaidCallback(app.db, attempt.providerTradeNo)));
    const answers = await Promise.all([...callbacks, ...callbacks].map((callback) => postCallback(callback)));
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [200, 200, 200, 200],
    );
    const payment = await app.db.payment.findUniqueOrThrow({ where: { id: order.paymentId }, include: { attempts: true } });
    const duplicate = payment.attempts.find((attempt) => attempt.id !== payment.paidAttemptId)!;
    await worker.waitForExtraPayment(duplicate.id);

    const [refund] = await app.db.refund.findMany({ where: { paymentId: order.paymentId } });
    assert.deepEqual(
      [refund.attemptId, refund.amount, refund.reason, refund.status, refund.requestedBy],
      [duplicate.id, 2_000, 'duplicate_payment', 'processing', 'system'],
    );
    assert.deepEqual([refund.providerRefundNo, refund.refundNo], [`RD${duplicate.providerTradeNo}`, `auto:RD${duplicate.providerTradeNo}`]);
    assert.equal(await app.db.riskAlert.count({ where: { kind: 'duplicate_payment', paymentId: order.paymentId } }), 1);

    assert.equal((await settleSandboxRefund(app.db, refund.providerRefundNo)).status, 200);
    const kept = await moneyOf(app.db, payment.paidAttemptId!);
    assert.deepEqual([kept.paymentStatus, kept.paymentRefunded, kept.reserved], ['succeeded', 0, 0]);
    // The duplicate's money came in and went back, and so did its whole fee.
    assert.deepEqual((await moneyOf(app.db, duplicate.id)).ledger, { payment: 2_000, fee: 12, refund: 2_000, feeReturn: 12 });
    assert.deepEqual(await merchantDeliveries(order.paymentId), ['payment.succeeded']);
    const { events } = await refundEventsOf(app.db, refund.id);
    assert.deepEqual(
      events.map((event) => [event.type, event.data.reason]),
      [['refund.succeeded', 'duplicate_payment']],
    );
    const listed = await listRefunds(order.paymentId);
    assert.deepEqual(
      listed.json.items.map((item: unknown) => refundSchema.parse(item).reason),
      ['duplicate_payment'],
    );

    // The job again (a retry) finds its refund made: the number derives from the attempt.
    const settings = lifecycleSettingsFrom(getEnv());
    const again = await handleExtraPayment({
      db: app.db,
      boss: app.boss,
      settings,
      job: { attemptId: duplicate.id, paymentId: order.paymentId, kind: 'duplicate_payment' },
    });
    assert.equal(again.refund, 'already_refunding');
    assert.equal(await app.db.refund.count({ where: { attemptId: duplicate.id } }), 1);
  });

  test('an attempt paid after we closed it, while another attempt is the paid one, is refunded as paid_after_close', async () => {
    const order = await orderedTwice(1_500);
    const [closed, kept] = order.attempts;
    // The first attempt was closed here and at the provider (the shopper gave up on it and paid the second).
    await app.db.paymentAttempt.update({ where: { id: closed.id }, data: { status: 'closed', closedAt: new Date(), nextQueryAt: null } });
    await app.db.sandboxOrder.update({ where: { outTradeNo: closed.providerTradeNo }, data: { state: 'CLOSED' } });
    await paySandboxAndNotify(app.db, order.paymentId, { providerTradeNo: kept.providerTradeNo });
    // Its close had lost a race at the provider: it reports it paid after all.
    await app.db.sandboxOrder.update({ where: { outTradeNo: closed.providerTradeNo }, data: { state: 'SUCCESS', paidAt: new Date() } });
    assert.equal((await postCallback(await sandboxPaidCallback(app.db, closed.providerTradeNo))).status, 200);
    await worker.waitForExtraPayment(closed.id);

    const late = await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: closed.id } });
    assert.deepEqual([late.status, late.latePayment, late.duplicatePayment], ['succeeded', true, true]);
    const [refund] = await app.db.refund.findMany({ where: { attemptId: closed.id } });
    assert.deepEqual([refund.reason, refund.providerRefundNo, refund.amount], ['paid_after_close', `RL${closed.providerTradeNo}`, 1_500]);
    assert.equal((await settleSandboxRefund(app.db, refund.providerRefundNo)).status, 200);
    const payment = await app.db.payment.findUniqueOrThrow({ where: { id: order.paymentId } });
    assert.deepEqual([payment.status, payment.paidAttemptId, payment.refundedAmount], ['succeeded', kept.id, 0]);
    assert.deepEqual(await merchantDeliveries(order.paymentId), ['payment.succeeded']);
  });

  test('a payment paid once is never refunded by the extra-payment rules', async () => {
    const merchant = await makeMerchant(app.db);
    const answer = await callRoute(createPaymentRoute, {
      body: { merchantId: merchant.id, outTradeNo: `ONCE${Date.now()}`, amount: 700, provider: 'sandbox' },
    });
    await paySandboxAndNotify(app.db, answer.json.id);
    const settings = lifecycleSettingsFrom(getEnv());
    const attemptId = answer.json.attempts[0].id;
    const handled = await handleExtraPayment({
      db: app.db,
      boss: app.boss,
      settings,
      job: { attemptId, paymentId: answer.json.id, kind: 'duplicate_payment' },
    });
    assert.equal(handled.refund, 'kept');
    assert.equal(await app.db.refund.count({ where: { attemptId } }), 0);
  });
});
