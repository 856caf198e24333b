// Reconciliation (DESIGN §9) against the daily bills of WeChat Pay and Alipay as the fake provider serves them: what
// is missing on either side, or differs, becomes an alert, once.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as runRoute } from '@/app/api/lifecycle/run/route';
import { POST as createPaymentRoute } from '@/app/api/payments/route';
import { lifecycleRunSchema } from '@/contracts/lifecycle';
import { makeMerchant, outTradeNo } from '@/prisma/seed/factories';
import { callRoute } from '@/tests/helpers/call-route';
import type { BillEditor, FakeBillRow } from '@/tests/helpers/fake-provider/fake-bill-rows';
import { startFakeProvider } from '@/tests/helpers/fake-provider/start-fake-provider';
import { postCallback } from '@/tests/helpers/sandbox-provider';
import { getProviderClient } from '@/server/providers/get-provider-client';
import { useApp } from '@/tests/helpers/use-app';

const fake = await startFakeProvider({
  deliver: async (notification) => {
    const answer = await postCallback({ rawBody: notification.rawBody, headers: notification.headers }, notification.provider);
    return { status: answer.status, body: answer.text };
  },
});
const app = useApp({ ...fake.env, CALLBACK_BASE_URL: 'https://gateway.example', PROVIDER_TIMEOUT_MS: '2000' });

type Provider = 'wechatpay' | 'alipay';
const control = (provider: Provider) => (provider === 'wechatpay' ? fake.wechatpay : fake.alipay);

/** A payment placed through our API and paid at the fake at `at`; its notification settles it with that paid time. */
async function paidAt(provider: Provider, merchantId: string, amount: number, at: Date) {
  const answer = await callRoute(createPaymentRoute, { body: { merchantId, outTradeNo: outTradeNo(), amount, provider } });
  assert.equal(answer.status, 201, answer.text);
  const providerTradeNo: string = answer.json.providerTradeNo;
  await control(provider).pay(providerTradeNo, { at });
  const attempt = await app.db.paymentAttempt.findUniqueOrThrow({ where: { providerTradeNo } });
  assert.deepEqual([attempt.status, attempt.paidAt?.toISOString()], ['succeeded', at.toISOString()]);
  return { paymentId: answer.json.id as string, providerTradeNo, amount };
}

async function reconcile(date: string) {
  const answer = await callRoute(runRoute, { body: { task: 'reconcile', date } });
  assert.equal(answer.status, 200, answer.text);
  return lifecycleRunSchema.parse(answer.json);
}

const stranger = (row: FakeBillRow, outTradeNo: string): FakeBillRow => ({
  ...row,
  outTradeNo,
  transactionId: `9${row.transactionId.slice(1)}`,
});

for (const [provider, date] of [
  ['wechatpay', '2026-03-01'],
  ['alipay', '2026-03-10'],
] as const) {
  describe(`${provider}: the day's bill against our books`, () => {
    test('a payment missing here, one missing in the bill and an amount that differs are each an alert, raised once', async () => {
      const shop = await makeMerchant(app.db);
      const noon = new Date(`${date}T04:00:00Z`); // 12:00 China time
      const matched = await paidAt(provider, shop.id, 1_000, noon);
      const dropped = await paidAt(provider, shop.id, 2_000, new Date(noon.getTime() + 60_000));
      const changed = await paidAt(provider, shop.id, 3_000, new Date(noon.getTime() + 120_000));
      // Paid the day after, China time (00:00:00): not the day's business.
      await paidAt(provider, shop.id, 4_000, new Date(`${date}T16:00:00Z`));
      const unknownNo = `PTUNKNOWN${provider.length}${Date.now() % 100_000}`;
      const editor: BillEditor = (_, rows) => [
        ...rows
          .filter((row) => row.outTradeNo !== dropped.providerTradeNo)
          .map((row) => (row.outTradeNo === changed.providerTradeNo ? { ...row, amount: row.amount - 1 } : row)),
        stranger(rows[0], unknownNo),
      ];
      control(provider).setBillEditor(editor);
      try {
        const run = await reconcile(date);
        assert.deepEqual(run.outcomes, { matched: 1, missing_here: 1, missing_in_bill: 1, amount_differs: 1 });
        assert.equal(run.examined, 3, 'the bill’s lines');
        const alerts = await app.db.riskAlert.findMany({
          where: { id: { in: run.items.map((item) => item.id) } },
          orderBy: { kind: 'asc' },
        });
        assert.deepEqual(
          alerts.map((alert) => [alert.kind, alert.paymentId, alert.merchantId, alert.status]),
          [
            ['reconcile_amount_differs', changed.paymentId, shop.id, 'open'],
            ['reconcile_missing_here', null, null, 'open'],
            ['reconcile_missing_in_bill', dropped.paymentId, shop.id, 'open'],
          ],
        );
        const evidence = Object.fromEntries(alerts.map((alert) => [alert.kind, alert.evidence as Record<string, any>]));
        assert.deepEqual([evidence.reconcile_amount_differs.line.amount, evidence.reconcile_amount_differs.ours.amount], [2_999, 3_000]);
        assert.equal(evidence.reconcile_missing_here.line.providerTradeNo, unknownNo);
        assert.equal(evidence.reconcile_missing_in_bill.ours.number, dropped.providerTradeNo);
        assert.ok(!JSON.stringify(evidence).includes(matched.providerTradeNo), 'the matched payment raised nothing');

        const again = await reconcile(date);
        assert.deepEqual(again.outcomes, run.outcomes);
        assert.deepEqual(again.items, [], 'live alerts are not raised twice');
        const bills = await app.db.providerExchange.count({ where: { provider, operation: 'download_bill', attemptId: null } });
        assert.ok(bills >= 2, 'the bill exchanges are kept');
      } finally {
        control(provider).setBillEditor(null);
      }
    });
  });
}

describe('refunds in the bill', () => {
  test('a refund we submitted is matched by its refund number; one the bill lacks is missing in the bill', async () => {
    const shop = await makeMerchant(app.db);
    // Providers give paid times to the second.
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10); // China time
    const paid = await paidAt('wechatpay', shop.id, 10_000, now);
    const attempt = await app.db.paymentAttempt.findUniqueOrThrow({ where: { providerTradeNo: paid.providerTradeNo } });
    const client = getProviderClient({ db: app.db, boss: app.boss, provider: 'wechatpay' });
    const refunds: { providerRefundNo: string }[] = [];
    for (const [index, amount] of [1_000, 2_000].entries()) {
      const providerRefundNo = `RF${Date.now()}${index}`;
      await app.db.$executeRaw`UPDATE payment_attempt SET refund_reserved = refund_reserved + ${amount}, refund_count = refund_count + 1
        WHERE id = ${attempt.id}::uuid`;
      const refund = await app.db.refund.create({
        data: {
          paymentId: paid.paymentId,
          attemptId: attempt.id,
          merchantId: shop.id,
          refundNo: providerRefundNo,
          providerRefundNo,
          amount,
          reason: 'customer',
          requestedBy: 'token:admin',
          status: 'processing',
          submittedAt: new Date(),
        },
      });
      const submitted = await client.refund({
        providerTradeNo: paid.providerTradeNo,
        providerRefundNo,
        amount,
        totalAmount: 10_000,
        currency: 'CNY',
        reason: 'customer',
        notifyUrl: 'https://gateway.example/api/callbacks/wechatpay',
      });
      assert.ok(submitted.ok, JSON.stringify(submitted));
      refunds.push(refund);
    }
    fake.wechatpay.setBillEditor((_, rows) => rows.filter((row) => row.outRefundNo !== refunds[1].providerRefundNo));
    try {
      const run = await reconcile(today);
      const ours = await app.db.riskAlert.findMany({ where: { id: { in: run.items.map((item) => item.id) }, paymentId: paid.paymentId } });
      assert.deepEqual(
        ours.map((alert) => [alert.kind, (alert.evidence as Record<string, any>).ours.number]),
        [['reconcile_missing_in_bill', refunds[1].providerRefundNo]],
      );
      assert.ok(run.outcomes.matched >= 2, 'the payment and the first refund matched');
    } finally {
      fake.wechatpay.setBillEditor(null);
    }
  });
});

describe('reconcile when a bill cannot be had', () => {
  test('a forged bill answer is not read and is raised; a bill not served yet is counted, not raised', async () => {
    const shop = await makeMerchant(app.db);
    await paidAt('wechatpay', shop.id, 500, new Date('2026-03-05T04:00:00Z'));
    fake.failNext({ kind: 'bad_signature' }, { provider: 'wechatpay', operation: 'download_bill' });
    fake.failNext({ kind: 'http_error' }, { provider: 'alipay', operation: 'download_bill', times: 5 });
    try {
      const run = await reconcile('2026-03-05');
      assert.deepEqual(run.outcomes, { bill_untrusted: 1, bill_unavailable: 1 });
      const [alert] = await app.db.riskAlert.findMany({ where: { id: { in: run.items.map((item) => item.id) } } });
      assert.equal(alert.kind, 'reconcile_bill_untrusted');
    } finally {
      fake.clearFaults();
    }
    // Once the bill is honest, the day reconciles cleanly.
    assert.deepEqual((await reconcile('2026-03-05')).outcomes, { matched: 1 });
  });

  test('the date is a real day, and only the reconcile task takes one', async () => {
    for (const body of [
      { task: 'reconcile', date: '2026-02-30' },
      { task: 'reconcile', date: '20260301' },
      { task: 'confirm-pending', date: '2026-03-01' },
      { task: 'reconcile-all' },
    ])
      assert.equal((await callRoute(runRoute, { body })).status, 422, JSON.stringify(body));
  });
});
