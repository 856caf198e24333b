import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as callbackRoute } from '@/app/api/callbacks/[provider]/route';
import { POST as clientResultRoute } from '@/app/api/payments/[id]/client-result/route';
import { GET as timelineRoute } from '@/app/api/payments/[id]/timeline/route';
import { POST as refundsRoute } from '@/app/api/payments/[id]/refunds/route';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { paymentSucceededEventSchema } from '@/contracts/events';
import { getPaymentTimelineOperation, type TimelineEntry } from '@/contracts/payment-timeline';
import { refundSchema } from '@/contracts/refunds';
import { callRoute } from '@/tests/helpers/call-route';
import { startMerchantServer } from '@/tests/helpers/merchant-server';
import { processRiskEvent } from '@/tests/helpers/process-risk-event';
import { makeWechatpayKeys, wechatPaidCallback } from '@/tests/helpers/provider-keys';
import { jobsIn } from '@/tests/helpers/queue-jobs';
import { useApp } from '@/tests/helpers/use-app';
import { useDeliveryWorker } from '@/tests/helpers/use-delivery-worker';
import { asUser, signedInUser } from '@/tests/helpers/sign-in-user';
import { paidSandboxPayment, settleSandboxRefund } from '@/tests/refunds/refund-helpers';

const keys = makeWechatpayKeys();
const app = useApp({ ...keys.env, DELIVERY_RETRY_SCHEDULE: '1', DELIVERY_TIMEOUT_MS: '1000', REFUND_QUERY_SCHEDULE: '60' });
const worker = useDeliveryWorker(app);
const merchant = await startMerchantServer();
let calls = 0;
merchant.answer('/flaky', () => ({ status: ++calls === 1 ? 500 : 200 }));
const alertOnly = { enabled: false, minSignals: 2, signalWindowMinutes: 60, maxPerHour: 3, unblockGraceMinutes: 1440 };

const post = (signed: { rawBody: string; headers: Record<string, string> }) =>
  callRoute(callbackRoute, {
    token: null,
    method: 'POST',
    rawBody: signed.rawBody,
    headers: signed.headers,
    params: { provider: 'wechatpay' },
  });
const timeline = async (id: string, token?: string | null, cookie?: string) => {
  const response = await callRoute(timelineRoute, { params: { id }, ...(cookie ? asUser({ cookie }) : { token }) });
  if (response.status === 200) getPaymentTimelineOperation.response.parse(response.json);
  return response;
};

describe('GET /api/payments/{id}/timeline', () => {
  test('tells the whole story in time order; a merchant key gets it without risk internals', async () => {
    const shop = await makeMerchant(app.db, { notifyUrl: merchant.url('/flaky') });
    const payment = await makePayment(app.db, { merchantId: shop.id, amount: 2_000 });
    const reported = await callRoute(clientResultRoute, { params: { id: payment.id }, body: { status: 'succeeded' }, token: shop.apiKey });
    assert.equal(reported.status, 202, reported.text);
    const signed = wechatPaidCallback(keys, payment);
    assert.equal((await post(signed)).status, 200);
    assert.equal((await post(signed)).status, 200);
    assert.equal((await post(wechatPaidCallback(keys, { providerTradeNo: payment.providerTradeNo!, amount: 2_001 }))).status, 422);
    const delivery = await app.db.delivery.findFirstOrThrow({ where: { paymentId: payment.id } });
    await worker.waitForAttempt(delivery.id, 2);
    const [job] = (await jobsIn(app.db, 'risk')).filter((j) => j.data.data.paymentId === payment.id);
    await processRiskEvent({ db: app.db, boss: app.boss, event: paymentSucceededEventSchema.parse(job.data), policy: alertOnly });
    await app.db.auditEvent.create({
      data: {
        actor: 'user:mei@example.com',
        action: 'delivery.redeliver',
        subjectType: 'delivery',
        subjectId: delivery.id,
        merchantId: shop.id,
        reason: 'merchant asked',
      },
    });

    const response = await timeline(payment.id);
    assert.equal(response.status, 200, response.text);
    const entries: TimelineEntry[] = response.json.entries;
    assert.equal(response.json.truncated, false);
    const times = entries.map((entry) => Date.parse(entry.at));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
      'entries are in time order',
    );
    const of = <T extends TimelineEntry['type']>(type: T) =>
      entries.filter((entry): entry is Extract<TimelineEntry, { type: T }> => entry.type === type);

    assert.equal(entries[0].type, 'created');
    assert.deepEqual(
      of('attempt').map((a) => [a.providerTradeNo, a.status, a.isPaidAttempt]),
      [[payment.providerTradeNo, 'succeeded', true]],
    );
    assert.deepEqual(
      of('provider_exchange').map((x) => [x.operation, x.verdict, x.attemptId]),
      [['create_order', 'ok', of('attempt')[0].attemptId]],
    );
    assert.deepEqual(
      of('client_result').map((r) => r.status),
      ['succeeded'],
    );
    assert.deepEqual(
      of('notification').map((n) => [n.outcome, n.source, n.receivedCount, n.reason === null]),
      [
        ['applied', 'callback', 2, true],
        ['rejected', 'callback', 1, false],
      ],
    );
    assert.deepEqual(
      of('state_change').map((change) => `${change.from}→${change.to}`),
      ['pending→succeeded'],
    );
    const applied = entries.findIndex((entry) => entry.type === 'notification' && entry.outcome === 'applied');
    assert.ok(applied < entries.findIndex((entry) => entry.type === 'state_change'), 'the notification comes before the change it made');
    assert.deepEqual(
      of('delivery').map((d) => [d.deliveryId, d.status, d.attemptCount]),
      [[delivery.id, 'delivered', 2]],
    );
    assert.deepEqual(
      of('delivery_attempt').map((a) => [a.attemptNumber, a.statusCode]),
      [
        [1, 500],
        [2, 200],
      ],
    );
    assert.deepEqual(
      of('risk_evaluation').map((e) => e.eventId),
      [delivery.id],
    );
    assert.deepEqual(
      of('risk_alert').map((a) => [a.kind, a.status]),
      [['amount_mismatch', 'open']],
    );
    assert.deepEqual(
      of('action').map((a) => [a.actor, a.action, a.reason]),
      [['user:mei@example.com', 'delivery.redeliver', 'merchant asked']],
    );

    const own = await timeline(payment.id, shop.apiKey);
    assert.equal(own.status, 200);
    const types = new Set(own.json.entries.map((entry: TimelineEntry) => entry.type));
    assert.equal(types.has('risk_alert') || types.has('risk_evaluation'), false, 'no risk internals for the merchant');
    assert.deepEqual(
      own.json.entries.filter((entry: TimelineEntry) => entry.type !== 'risk_alert' && entry.type !== 'risk_evaluation'),
      entries
        .filter((entry) => entry.type !== 'risk_alert' && entry.type !== 'risk_evaluation')
        // mei@example.com is no user of the merchant's (nor any longer a user at all): not shown by address.
        .map((entry) => (entry.type === 'action' ? { ...entry, actor: 'former-user' } : entry)),
    );
  });

  test("another merchant's payment and an unknown id are not found", async () => {
    const mine = await makeMerchant(app.db);
    const theirs = await makeMerchant(app.db);
    const payment = await makePayment(app.db, { merchantId: theirs.id });
    assert.equal((await timeline(payment.id, mine.apiKey)).status, 404);
    assert.equal((await timeline('00000000-0000-4000-8000-000000000000')).status, 404);
    assert.equal((await timeline('not-a-uuid')).status, 404);
    assert.equal((await timeline(payment.id, null)).status, 401);
    const fresh = await timeline(payment.id);
    assert.deepEqual(
      fresh.json.entries.map((entry: TimelineEntry) => entry.type),
      ['created', 'attempt', 'provider_exchange'],
    );
  });

  test("refunds with every state change, people's actions on them, and a merchant who sees Paygate's people only as staff", async () => {
    const paid = await paidSandboxPayment(app.db, { amount: 10_000 });
    const analyst = await signedInUser(app.db, 'analyst');
    const owner = await signedInUser(app.db, 'owner', paid.merchantId);
    const refundBy = async (user: { cookie: string }, body: { refundNo: string; amount: number; reason: string }) => {
      const answer = await callRoute(refundsRoute, { params: { id: paid.paymentId }, body, ...asUser(user) });
      assert.equal(answer.status, 201, answer.text);
      return refundSchema.parse(answer.json);
    };
    const kept = await refundBy(analyst, { refundNo: 'TL-KEPT', amount: 2_500, reason: 'customer' });
    const closed = await refundBy(owner, { refundNo: 'TL-CLOSED', amount: 1_000, reason: 'merchant' });
    assert.equal((await settleSandboxRefund(app.db, kept.providerRefundNo)).status, 200);
    assert.equal((await settleSandboxRefund(app.db, closed.providerRefundNo, 'closed')).status, 200);
    const delivery = await app.db.delivery.findFirstOrThrow({ where: { refundId: kept.id } });
    for (const [actor, subjectType, subjectId] of [
      [`user:${analyst.email}`, 'delivery', delivery.id],
      ['user:gone@shop.test', 'delivery', delivery.id],
      ['risk-engine', 'payment', paid.paymentId],
    ]) {
      await app.db.auditEvent.create({
        data: { actor, action: 'delivery.redeliver', subjectType, subjectId, merchantId: paid.merchantId, reason: 'asked again' },
      });
    }

    const staffView = await timeline(paid.paymentId);
    assert.equal(staffView.status, 200, staffView.text);
    const entries: TimelineEntry[] = staffView.json.entries;
    const times = entries.map((entry) => Date.parse(entry.at));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
      'entries are in time order',
    );
    const story = entries.flatMap((entry) =>
      entry.type === 'refund'
        ? [
            `${entry.refundNo} ${entry.amount} ${entry.reason} ${entry.status} by ${entry.requestedBy}${entry.automatic ? ' (automatic)' : ''}`,
          ]
        : entry.type === 'refund_state_change'
          ? [`${entry.refundNo} ${entry.from}→${entry.to}`]
          : entry.type === 'state_change'
            ? [`payment ${entry.from}→${entry.to}`]
            : [],
    );
    assert.deepEqual(story, [
      'payment pending→succeeded',
      `TL-KEPT 2500 customer succeeded by user:${analyst.email}`,
      'TL-KEPT pending→processing',
      `TL-CLOSED 1000 merchant closed by user:${owner.email}`,
      'TL-CLOSED pending→processing',
      'TL-KEPT processing→succeeded',
      'payment succeeded→partially_refunded',
      'TL-CLOSED processing→closed',
    ]);
    const actions = (list: TimelineEntry[]) =>
      list.flatMap((entry) => (entry.type === 'action' ? [[entry.actor, entry.action, entry.subjectId, entry.reason]] : []));
    assert.deepEqual(actions(entries), [
      [`user:${analyst.email}`, 'refund.create', kept.id, 'customer'],
      [`user:${owner.email}`, 'refund.create', closed.id, 'merchant'],
      [`user:${analyst.email}`, 'delivery.redeliver', delivery.id, 'asked again'],
      ['user:gone@shop.test', 'delivery.redeliver', delivery.id, 'asked again'],
      ['risk-engine', 'delivery.redeliver', paid.paymentId, 'asked again'],
    ]);

    for (const merchantView of [await timeline(paid.paymentId, paid.apiKey), await timeline(paid.paymentId, null, owner.cookie)]) {
      assert.equal(merchantView.status, 200, merchantView.text);
      const own: TimelineEntry[] = merchantView.json.entries;
      assert.equal(merchantView.text.includes(analyst.email), false, "no staff person's address");
      assert.equal(merchantView.text.includes('gone@shop.test'), false);
      assert.equal(
        own.some((entry) => entry.type === 'risk_alert' || entry.type === 'risk_evaluation'),
        false,
      );
      assert.deepEqual(
        own.flatMap((entry) => (entry.type === 'refund' ? [[entry.refundNo, entry.status, entry.requestedBy]] : [])),
        [
          ['TL-KEPT', 'succeeded', 'staff'],
          ['TL-CLOSED', 'closed', `user:${owner.email}`],
        ],
      );
      assert.equal(own.filter((entry) => entry.type === 'refund_state_change').length, 4);
      assert.deepEqual(actions(own), [
        ['staff', 'refund.create', kept.id, 'customer'],
        [`user:${owner.email}`, 'refund.create', closed.id, 'merchant'],
        ['staff', 'delivery.redeliver', delivery.id, 'asked again'],
        ['former-user', 'delivery.redeliver', delivery.id, 'asked again'],
      ]);
    }
  });
});
