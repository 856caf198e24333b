// The find-duplicates sweep (DESIGN §9, the last line of defence): an extra paid attempt whose job never ran is
// refunded by the next pass; two passes at once make one refund; a pass after the job changes nothing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as createPaymentRoute } from '@/app/api/payments/route';
import { makeMerchant } from '@/prisma/seed/factories';
import { getEnv } from '@/lib/env';
import { handleExtraPayment } from '@/server/lifecycle/handle-extra-payment';
import { lifecycleSettingsFrom } from '@/server/lifecycle/lifecycle-settings';
import { callRoute } from '@/tests/helpers/call-route';
import { paySandbox, postCallback, sandboxPaidCallback } from '@/tests/helpers/sandbox-provider';
import { useApp } from '@/tests/helpers/use-app';
import { newProviderRefundNo } from '@/server/refunds/refund-numbers';
import { reserveRefund } from '@/server/refunds/reserve-refund';
import { paidSandboxPayment, runTask } from './refund-helpers';

const app = useApp({ REFUND_QUERY_SCHEDULE: '60', LIFECYCLE_LEASE_SECONDS: '5' });

/** An order paid by two attempts; no worker runs here, so its extra-payment job waits untouched. */
async function paidTwice(amount: number) {
  const merchant = await makeMerchant(app.db);
  const body = { merchantId: merchant.id, outTradeNo: `DUP${Date.now()}${Math.round(Math.random() * 1e6)}`, amount, provider: 'sandbox' };
  const first = await callRoute(createPaymentRoute, { body });
  const second = await callRoute(createPaymentRoute, { body });
  const attempts = [first.json.attempts[0], second.json.attempts.at(-1)] as { id: string; providerTradeNo: string }[];
  for (const attempt of attempts) {
    await paySandbox(first.json.id, { providerTradeNo: attempt.providerTradeNo, fault: 'lost' });
    assert.equal((await postCallback(await sandboxPaidCallback(app.db, attempt.providerTradeNo))).status, 200);
  }
  const payment = await app.db.payment.findUniqueOrThrow({ where: { id: first.json.id } });
  return { paymentId: payment.id, duplicateId: attempts.find((a) => a.id !== payment.paidAttemptId)!.id };
}

describe('find-duplicates', () => {
  test('two passes at once refund each extra payment exactly once; the late job and later passes find it done', async () => {
    const orders = [await paidTwice(1_000), await paidTwice(2_500)];
    const runs = await Promise.all([runTask('find-duplicates'), runTask('find-duplicates')]);
    for (const order of orders) {
      const refunds = await app.db.refund.findMany({ where: { attemptId: order.duplicateId } });
      assert.deepEqual(
        refunds.map((r) => [r.reason, r.status]),
        [['duplicate_payment', 'processing']],
      );
      const outcomes = runs.flatMap((run) => run.items.filter((item) => item.id === order.duplicateId).map((item) => item.outcome));
      assert.ok(outcomes.includes('processing'), JSON.stringify(outcomes));
      assert.ok(
        outcomes.every((o) => o === 'processing' || o === 'already_refunding'),
        JSON.stringify(outcomes),
      );
      const attempt = await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: order.duplicateId } });
      assert.deepEqual([attempt.refundReserved, attempt.refundCount], [attempt.amount, 1]);
      const job = await handleExtraPayment({
        db: app.db,
        boss: app.boss,
        settings: lifecycleSettingsFrom(getEnv()),
        job: { attemptId: order.duplicateId, paymentId: order.paymentId, kind: 'duplicate_payment' },
      });
      assert.equal(job.refund, 'already_refunding');
      assert.equal(await app.db.sandboxRefund.count({ where: { outRefundNo: refunds[0].providerRefundNo } }), 1);
    }
    const later = await runTask('find-duplicates');
    assert.ok(orders.every((order) => !later.items.some((item) => item.id === order.duplicateId)));
  });
});

describe('confirm-refunds', () => {
  test('two passes at once look at each due refund once: every crashed reserve is submitted exactly once', async () => {
    const settings = lifecycleSettingsFrom(getEnv());
    const made: { id: string; providerRefundNo: string }[] = [];
    for (let n = 0; n < 6; n++) {
      const paid = await paidSandboxPayment(app.db, { amount: 300 + n });
      const attempt = await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: paid.attemptId } });
      const providerRefundNo = newProviderRefundNo();
      // The reserve commits and the process dies before it calls the provider.
      const id = await app.db.$transaction((tx) =>
        reserveRefund({
          tx,
          boss: app.boss,
          settings,
          attempt,
          refundNo: `TWO-${n}`,
          providerRefundNo,
          amount: 300,
          reason: 'customer',
          requestedBy: 'test',
        }),
      );
      made.push({ id: id!, providerRefundNo });
    }
    const ids = made.map((refund) => refund.id);
    // Time passes: their leases run out and their looks are due.
    await app.db
      .$executeRaw`UPDATE refund SET next_query_at = now() - interval '1 second', lease_until = NULL WHERE id = ANY(${ids}::uuid[])`;
    const runs = await Promise.all([runTask('confirm-refunds'), runTask('confirm-refunds')]);
    const looked = runs.flatMap((run) => run.items.map((item) => item.id)).filter((id) => ids.includes(id));
    assert.deepEqual([...looked].sort(), [...ids].sort(), 'each refund looked at by exactly one of the passes');
    for (const refund of made) {
      assert.equal((await app.db.refund.findUniqueOrThrow({ where: { id: refund.id } })).status, 'processing');
      assert.equal(await app.db.sandboxRefund.count({ where: { outRefundNo: refund.providerRefundNo } }), 1);
    }
  });
});
