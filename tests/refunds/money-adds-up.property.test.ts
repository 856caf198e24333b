// DESIGN §3 invariant 4 as a property: whatever random sequence of payments, orders paid twice, refunds (alone and
// concurrent, retried, crashed before submission), provider outcomes and sweeps happens, refunds never exceed what
// was paid, each attempt's reserve and refunded amount are exactly its refunds', each payment shows its paid
// attempt's refunds, and the ledger adds up to the cent: payments − refunds and fees − returned fees.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { POST as createPaymentRoute } from '@/app/api/payments/route';
import { makeMerchant } from '@/prisma/seed/factories';
import { getEnv } from '@/lib/env';
import { handleExtraPayment } from '@/server/lifecycle/handle-extra-payment';
import { lifecycleSettingsFrom } from '@/server/lifecycle/lifecycle-settings';
import { newProviderRefundNo } from '@/server/refunds/refund-numbers';
import { reserveRefund } from '@/server/refunds/reserve-refund';
import { callRoute } from '@/tests/helpers/call-route';
import { paySandbox, postCallback, sandboxPaidCallback } from '@/tests/helpers/sandbox-provider';
import { useApp } from '@/tests/helpers/use-app';
import { requestRefund, runTask, settleSandboxRefund } from './refund-helpers';

const app = useApp({ REFUND_QUERY_SCHEDULE: '60', LIFECYCLE_LEASE_SECONDS: '5' });

type Op =
  | { kind: 'pay'; amount: number; twice: boolean }
  | { kind: 'refund'; payment: number; amounts: number[] }
  | { kind: 'retry'; refund: number }
  | { kind: 'crash'; payment: number; amount: number }
  | { kind: 'settle'; refund: number; outcome: 'none' | 'closed' | 'abnormal' }
  | { kind: 'sweep' };

const amount = fc.integer({ min: 1, max: 5_000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('pay' as const), amount, twice: fc.boolean() }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      payment: fc.nat(),
      amounts: fc.array(fc.integer({ min: 1, max: 3_000 }), { minLength: 1, maxLength: 4 }),
    }),
    weight: 4,
  },
  fc.record({ kind: fc.constant('retry' as const), refund: fc.nat() }),
  fc.record({ kind: fc.constant('crash' as const), payment: fc.nat(), amount: fc.integer({ min: 1, max: 3_000 }) }),
  {
    arbitrary: fc.record({
      kind: fc.constant('settle' as const),
      refund: fc.nat(),
      outcome: fc.constantFrom('none', 'none', 'closed', 'abnormal'),
    }),
    weight: 3,
  },
  fc.constant({ kind: 'sweep' as const }),
);

const fee = (value: number, ppm: number) => Math.floor((value * ppm + 500_000) / 1_000_000);

type Made = { id: string; refundNo: string; amount: number; providerRefundNo: string };

async function play(ops: Op[]) {
  const merchant = await makeMerchant(app.db);
  const settings = lifecycleSettingsFrom(getEnv());
  const payments: string[] = [];
  const refunds: Made[] = [];
  let numbers = 0;
  for (const step of ops) {
    if (step.kind === 'pay') {
      const body = { merchantId: merchant.id, outTradeNo: `PROP${Date.now()}${numbers++}`, amount: step.amount, provider: 'sandbox' };
      const first = await callRoute(createPaymentRoute, { body });
      assert.equal(first.status, 201, first.text);
      const attempts = [first.json.attempts[0].providerTradeNo as string];
      if (step.twice) attempts.push((await callRoute(createPaymentRoute, { body })).json.providerTradeNo);
      for (const providerTradeNo of attempts) await paySandbox(first.json.id, { providerTradeNo, fault: 'lost' });
      const callbacks = await Promise.all(attempts.map((no) => sandboxPaidCallback(app.db, no)));
      for (const answer of await Promise.all(callbacks.map((callback) => postCallback(callback)))) assert.equal(answer.status, 200);
      const extras = await app.db.paymentAttempt.findMany({ where: { paymentId: first.json.id, duplicatePayment: true } });
      for (const extra of extras) {
        await handleExtraPayment({
          db: app.db,
          boss: app.boss,
          settings,
          job: { attemptId: extra.id, paymentId: first.json.id, kind: 'duplicate_payment' },
        });
      }
      payments.push(first.json.id);
    } else if (step.kind === 'refund' && payments.length > 0) {
      const paymentId = payments[step.payment % payments.length];
      const before = await leftOf(paymentId);
      const asked = step.amounts.map((value) => ({ refundNo: `N${numbers++}`, amount: value }));
      const answers = await Promise.all(asked.map((body) => requestRefund(paymentId, body)));
      let taken = 0;
      answers.forEach((answer, index) => {
        if (answer.status === 201) {
          taken += asked[index].amount;
          refunds.push({ id: answer.json.id, providerRefundNo: answer.json.providerRefundNo, ...asked[index] });
        } else {
          assert.equal(answer.status, 422, answer.text);
          assert.ok(['refund_exceeds_paid', 'refund_limit_reached'].includes(answer.json.error.code), answer.text);
        }
      });
      assert.ok(taken <= before, `took ${taken} with ${before} left`);
      if (asked.length === 1)
        assert.equal(answers[0].status === 201, asked[0].amount <= before, 'a lone refund is taken exactly when it fits');
    } else if (step.kind === 'retry' && refunds.length > 0) {
      const refund = refunds[step.refund % refunds.length];
      const paymentId = (await app.db.refund.findUniqueOrThrow({ where: { id: refund.id } })).paymentId;
      const again = await requestRefund(paymentId, { refundNo: refund.refundNo, amount: refund.amount });
      assert.deepEqual([again.status, again.json.id], [200, refund.id]);
    } else if (step.kind === 'crash' && payments.length > 0) {
      const payment = await app.db.payment.findUniqueOrThrow({
        where: { id: payments[step.payment % payments.length] },
        include: { paidAttempt: true },
      });
      const refundNo = `C${numbers++}`;
      const providerRefundNo = newProviderRefundNo();
      const id = await app.db
        .$transaction((tx) =>
          reserveRefund({
            tx,
            boss: app.boss,
            settings,
            attempt: payment.paidAttempt!,
            refundNo,
            providerRefundNo,
            amount: step.amount,
            reason: 'customer',
            requestedBy: 'test',
          }),
        )
        .catch(() => null);
      if (id) refunds.push({ id, refundNo, amount: step.amount, providerRefundNo });
    } else if (step.kind === 'settle' && refunds.length > 0) {
      const refund = refunds[step.refund % refunds.length];
      if (await app.db.sandboxRefund.findUnique({ where: { outRefundNo: refund.providerRefundNo } })) {
        assert.equal((await settleSandboxRefund(app.db, refund.providerRefundNo, step.outcome)).status, 200);
      }
    } else if (step.kind === 'sweep') {
      // Time passes for this merchant's open refunds: their looks (and crashed ones' leases) are due.
      await app.db.$executeRaw`UPDATE refund SET next_query_at = now() - interval '1 second', lease_until = NULL
        WHERE merchant_id = ${merchant.id}::uuid AND status IN ('pending', 'processing', 'abnormal')`;
      await runTask('confirm-refunds');
    }
  }
  await checkMoney(merchant.id);
}

async function leftOf(paymentId: string) {
  const payment = await app.db.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { paidAttempt: true } });
  return payment.paidAttempt!.amount - payment.paidAttempt!.refundReserved;
}

async function checkMoney(merchantId: string) {
  const attempts = await app.db.paymentAttempt.findMany({ where: { merchantId }, include: { refunds: true, ledger: true, payment: true } });
  const totals = { payments: 0, refunds: 0, fees: 0, feesReturned: 0, expectedNet: 0, expectedFees: 0, paid: 0, refunded: 0 };
  for (const attempt of attempts) {
    const sum = (list: { amount: number }[]) => list.reduce((total, item) => total + item.amount, 0);
    const live = attempt.refunds.filter((r) => r.status !== 'failed' && r.status !== 'closed');
    const succeeded = attempt.refunds.filter((r) => r.status === 'succeeded');
    assert.equal(attempt.refundReserved, sum(live), 'the reserve is the refunds not failed or closed');
    assert.equal(attempt.refundedAmount, sum(succeeded), 'the refunded amount is the succeeded refunds');
    assert.equal(attempt.refundCount, attempt.refunds.length);
    assert.ok(attempt.refundReserved <= attempt.amount, 'never more refunded than paid');
    const entries = (kind: string) => sum(attempt.ledger.filter((entry) => entry.kind === kind));
    const ppm = attempt.feeRatePpm ?? 0;
    if (attempt.status !== 'succeeded') {
      assert.equal(attempt.ledger.length, 0);
      continue;
    }
    assert.equal(entries('payment'), attempt.amount);
    assert.equal(entries('fee'), fee(attempt.amount, ppm));
    assert.equal(entries('refund'), attempt.refundedAmount);
    assert.equal(entries('fee_return'), fee(attempt.amount, ppm) - fee(attempt.amount - attempt.refundedAmount, ppm));
    if (attempt.payment.paidAttemptId === attempt.id) {
      const expected =
        attempt.refundedAmount === 0 ? 'succeeded' : attempt.refundedAmount === attempt.amount ? 'refunded' : 'partially_refunded';
      assert.deepEqual([attempt.payment.status, attempt.payment.refundedAmount], [expected, attempt.refundedAmount]);
    } else {
      assert.ok(
        attempt.refunds.every((r) => r.reason === 'duplicate_payment'),
        'an extra payment is refunded only automatically',
      );
      assert.equal(attempt.refunds.length, 1, 'an extra payment is refunded once, in full');
      assert.equal(attempt.refundReserved, attempt.amount);
    }
    totals.payments += entries('payment');
    totals.refunds += entries('refund');
    totals.fees += entries('fee');
    totals.feesReturned += entries('fee_return');
    totals.expectedNet += attempt.amount - attempt.refundedAmount;
    totals.expectedFees += fee(attempt.amount - attempt.refundedAmount, ppm);
    totals.paid += attempt.amount;
    totals.refunded += attempt.refundedAmount;
    // The provider holds exactly our submitted refunds, never more than the order was paid.
    const atProvider = await app.db.sandboxRefund.findMany({ where: { outTradeNo: attempt.providerTradeNo } });
    const submitted = attempt.refunds.filter((r) => r.submittedAt !== null || r.status === 'succeeded' || r.status === 'closed');
    assert.deepEqual(atProvider.map((r) => r.outRefundNo).sort(), submitted.map((r) => r.providerRefundNo).sort());
    assert.ok(sum(atProvider.filter((r) => r.state !== 'CLOSED')) <= attempt.amount);
  }
  assert.equal(totals.payments - totals.refunds, totals.expectedNet, 'payments − refunds to the cent');
  assert.equal(totals.fees - totals.feesReturned, totals.expectedFees, 'fees − returned fees to the cent');
  assert.ok(totals.refunded <= totals.paid, 'refunds never exceed payments');
}

describe('money adds up (DESIGN §3 invariant 4)', () => {
  test('random payments, duplicates, refunds, crashes, outcomes and sweeps keep every cent accounted for', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 14 }), (ops) => play(ops)),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 30), endOnFailure: true },
    );
  });
});
