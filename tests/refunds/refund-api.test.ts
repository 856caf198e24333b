// The refund API of DESIGN §5 against the sandbox provider: what is refunded, what is refused, who may, and that the
// database keeps the refunds within what was paid under concurrency.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GET as getRefundRoute } from '@/app/api/refunds/[id]/route';
import { POST as blockRoute } from '@/app/api/merchants/[id]/block/route';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { refundSchema } from '@/contracts/refunds';
import { paymentDetailSchema } from '@/contracts/payments';
import { GET as getPaymentRoute } from '@/app/api/payments/[id]/route';
import { callRoute } from '@/tests/helpers/call-route';
import { listenForChanges } from '@/tests/helpers/live-notifications';
import { useApp } from '@/tests/helpers/use-app';
import { listRefunds, moneyOf, paidSandboxPayment, refundEventsOf, refundOk, requestRefund, settleSandboxRefund } from './refund-helpers';

const app = useApp({ REFUND_QUERY_SCHEDULE: '60', LIFECYCLE_LEASE_SECONDS: '5' });

describe('POST /api/payments/{id}/refunds', () => {
  test('a partial refund is reserved, submitted and, once the provider says so, succeeds: booked, delivered, published', async () => {
    const paid = await paidSandboxPayment(app.db, { amount: 10_000 });
    const live = await listenForChanges(app.database.url);
    try {
      const refund = await refundOk(paid.paymentId, { refundNo: 'R-0001', amount: 2_500 });
      assert.deepEqual([refund.status, refund.amount, refund.reason, refund.requestedBy], ['processing', 2_500, 'customer', 'token:admin']);
      assert.match(refund.providerRefundNo, /^RF[0-9a-f]{32}$/);
      assert.equal((await app.db.sandboxRefund.findUniqueOrThrow({ where: { outRefundNo: refund.providerRefundNo } })).amount, 2_500);
      assert.deepEqual(await moneyOf(app.db, paid.attemptId), {
        paymentStatus: 'succeeded',
        paymentRefunded: 0,
        reserved: 2_500,
        refunded: 0,
        refundCount: 1,
        ledger: { payment: 10_000, fee: 60, refund: 0, feeReturn: 0 },
      });
      const audit = await app.db.auditEvent.findMany({ where: { subjectId: refund.id } });
      assert.deepEqual(
        audit.map((row) => [row.action, row.actor, row.merchantId]),
        [['refund.create', 'token:admin', paid.merchantId]],
      );

      const answer = await settleSandboxRefund(app.db, refund.providerRefundNo);
      assert.equal(answer.status, 200, answer.text);
      // fee(10000) = 60, fee(7500) = 45: the refund returns 15.
      assert.deepEqual(await moneyOf(app.db, paid.attemptId), {
        paymentStatus: 'partially_refunded',
        paymentRefunded: 2_500,
        reserved: 2_500,
        refunded: 2_500,
        refundCount: 1,
        ledger: { payment: 10_000, fee: 60, refund: 2_500, feeReturn: 15 },
      });
      const { deliveries, events } = await refundEventsOf(app.db, refund.id);
      const data = {
        refundId: refund.id,
        paymentId: paid.paymentId,
        merchantId: paid.merchantId,
        outTradeNo: paid.payment.outTradeNo,
        refundNo: 'R-0001',
        amount: 2_500,
        currency: 'CNY',
        reason: 'customer',
        status: 'succeeded',
      };
      assert.deepEqual(
        deliveries.map((d) => [d.eventType, d.merchantId, (d.payload as { data: unknown }).data]),
        [['refund.succeeded', paid.merchantId, data]],
      );
      assert.deepEqual(
        events.map((event) => [event.type, event.eventId, event.data]),
        [['refund.succeeded', deliveries[0].id, data]],
      );
      await live.waitFor((change) => change.kind === 'refund' && change.id === refund.id);
      const got = refundSchema.parse((await callRoute(getRefundRoute, { params: { id: refund.id } })).json);
      assert.deepEqual([got.status, got.providerRefundId !== null, got.succeededAt !== null], ['succeeded', true, true]);

      // The same notification again changes nothing.
      assert.equal((await settleSandboxRefund(app.db, refund.providerRefundNo)).status, 200);
      assert.equal((await moneyOf(app.db, paid.attemptId)).ledger.refund, 2_500);
      assert.equal((await refundEventsOf(app.db, refund.id)).deliveries.length, 1);
    } finally {
      await live.close();
    }
  });

  test('the rest refunded makes the payment refunded, with its whole fee returned; nothing more can be refunded', async () => {
    const paid = await paidSandboxPayment(app.db, { amount: 84 });
    const first = await refundOk(paid.paymentId, { refundNo: 'HALF1', amount: 42 });
    const second = await refundOk(paid.paymentId, { refundNo: 'HALF2', amount: 42, reason: 'merchant' });
    for (const refund of [first, second]) assert.equal((await settleSandboxRefund(app.db, refund.providerRefundNo)).status, 200);
    const money = await moneyOf(app.db, paid.attemptId);
    assert.deepEqual([money.paymentStatus, money.paymentRefunded], ['refunded', 84]);
    // fee(84) = 1, fee(42) = 0: the first returns 1, the second 0; the whole fee is back.
    assert.deepEqual(money.ledger, { payment: 84, fee: 1, refund: 84, feeReturn: 1 });
    const more = await requestRefund(paid.paymentId, { refundNo: 'HALF3', amount: 1 });
    assert.equal(more.status, 422, more.text);
    assert.equal(more.json.error.code, 'refund_exceeds_paid');
    const payment = paymentDetailSchema.parse((await callRoute(getPaymentRoute, { params: { id: paid.paymentId } })).json);
    assert.deepEqual(
      [payment.status, payment.refundedAmount, payment.refunds.map((r) => [r.refundNo, r.status])],
      [
        'refunded',
        84,
        [
          ['HALF1', 'succeeded'],
          ['HALF2', 'succeeded'],
        ],
      ],
    );
  });

  test('the same refundNo and amount again is the same refund (200); another amount is 409; nothing more is reserved', async () => {
    const paid = await paidSandboxPayment(app.db, { amount: 1_000 });
    const refund = await refundOk(paid.paymentId, { refundNo: 'SAME-1', amount: 300 });
    const again = await refundOk(paid.paymentId, { refundNo: 'SAME-1', amount: 300 }, 200);
    assert.equal(again.id, refund.id);
    const other = await requestRefund(paid.paymentId, { refundNo: 'SAME-1', amount: 301 });
    assert.equal(other.status, 409, other.text);
    assert.equal(other.json.error.code, 'conflict');
    // The merchant's number is the merchant's, whichever payment it names.
    const elsewhere = await paidSandboxPayment(app.db, { amount: 1_000, merchantId: paid.merchantId });
    assert.equal((await requestRefund(elsewhere.paymentId, { refundNo: 'SAME-1', amount: 300 })).status, 409);
    assert.deepEqual([(await moneyOf(app.db, paid.attemptId)).reserved, (await moneyOf(app.db, elsewhere.attemptId)).reserved], [300, 0]);
    assert.equal(await app.db.refund.count({ where: { merchantId: paid.merchantId } }), 1);
  });

  test('more than is left answers 422 refund_exceeds_paid; an unpaid payment 409 payment_not_refundable; nothing is stored', async () => {
    const paid = await paidSandboxPayment(app.db, { amount: 500 });
    await refundOk(paid.paymentId, { refundNo: 'LEFT-1', amount: 400 });
    const tooMuch = await requestRefund(paid.paymentId, { refundNo: 'LEFT-2', amount: 101 });
    assert.equal(tooMuch.status, 422, tooMuch.text);
    assert.equal(tooMuch.json.error.code, 'refund_exceeds_paid');
    await refundOk(paid.paymentId, { refundNo: 'LEFT-3', amount: 100 });

    const merchant = await makeMerchant(app.db);
    const pending = await makePayment(app.db, { merchantId: merchant.id, provider: 'sandbox', amount: 500 });
    const unpaid = await requestRefund(pending.id, { refundNo: 'UNPAID-1', amount: 100 });
    assert.equal(unpaid.status, 409, unpaid.text);
    assert.equal(unpaid.json.error.code, 'payment_not_refundable');
    assert.equal(await app.db.refund.count({ where: { refundNo: { in: ['LEFT-2', 'UNPAID-1'] } } }), 0);
    assert.equal(await app.db.auditEvent.count({ where: { action: 'refund.create', merchantId: merchant.id } }), 0);
    assert.equal((await moneyOf(app.db, paid.attemptId)).reserved, 500);
  });

  test('a 51st refund of one order is refused with 422 refund_limit_reached', async () => {
    const paid = await paidSandboxPayment(app.db, { amount: 1_000 });
    for (let n = 1; n <= 50; n++) await refundOk(paid.paymentId, { refundNo: `MANY-${n}`, amount: 1 });
    const fiftyFirst = await requestRefund(paid.paymentId, { refundNo: 'MANY-51', amount: 1 });
    assert.equal(fiftyFirst.status, 422, fiftyFirst.text);
    assert.equal(fiftyFirst.json.error.code, 'refund_limit_reached');
    assert.deepEqual([(await moneyOf(app.db, paid.attemptId)).refundCount, (await moneyOf(app.db, paid.attemptId)).reserved], [50, 50]);
    assert.equal(await app.db.refund.count({ where: { attemptId: paid.attemptId } }), 50);
  });

  test('20 concurrent partial refunds: exactly those that fit are taken, the rest 422, the reserve never passes what was paid', async () => {
    const paid = await paidSandboxPayment(app.db, { amount: 1_000 });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, n) => requestRefund(paid.paymentId, { refundNo: `PAR-${n}`, amount: 60 })),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    assert.deepEqual(statuses, [...Array(16).fill(201), ...Array(4).fill(422)]);
    assert.ok(answers.filter((a) => a.status === 422).every((a) => a.json.error.code === 'refund_exceeds_paid'));
    const money = await moneyOf(app.db, paid.attemptId);
    assert.deepEqual([money.reserved, money.refundCount], [960, 16]);
    assert.equal(await app.db.sandboxRefund.count({ where: { outTradeNo: paid.payment.providerTradeNo } }), 16);
    for (const answer of answers.filter((a) => a.status === 201)) await settleSandboxRefund(app.db, answer.json.providerRefundNo);
    const settled = await moneyOf(app.db, paid.attemptId);
    assert.deepEqual([settled.paymentStatus, settled.paymentRefunded, settled.ledger.refund], ['partially_refunded', 960, 960]);
  });

  test('the same refund number sent concurrently makes one refund, one submission and one audit row', async () => {
    const paid = await paidSandboxPayment(app.db, { amount: 1_000 });
    const answers = await Promise.all(Array.from({ length: 10 }, () => requestRefund(paid.paymentId, { refundNo: 'RACE-1', amount: 250 })));
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    assert.equal(new Set(answers.map((a) => refundSchema.parse(a.json).id)).size, 1);
    const money = await moneyOf(app.db, paid.attemptId);
    assert.deepEqual([money.reserved, money.refundCount], [250, 1]);
    assert.equal(await app.db.sandboxRefund.count({ where: { outTradeNo: paid.payment.providerTradeNo } }), 1);
    assert.equal(await app.db.auditEvent.count({ where: { action: 'refund.create', merchantId: paid.merchantId } }), 1);
  });

  test("a merchant refunds its own payments with its key; another merchant's payment and refunds answer 404", async () => {
    const mine = await paidSandboxPayment(app.db, { amount: 1_000 });
    const theirs = await paidSandboxPayment(app.db, { amount: 1_000 });
    const own = await requestRefund(mine.paymentId, { refundNo: 'KEY-1', amount: 100 }, mine.apiKey);
    assert.equal(own.status, 201, own.text);
    const refund = refundSchema.parse(own.json);
    const prefix = (await app.db.merchant.findUniqueOrThrow({ where: { id: mine.merchantId } })).apiKeyPrefix;
    assert.equal(refund.requestedBy, `api-key:${prefix}`);
    assert.equal((await app.db.auditEvent.findFirstOrThrow({ where: { subjectId: refund.id } })).actor, `api-key:${prefix}`);

    const foreign = await requestRefund(theirs.paymentId, { refundNo: 'KEY-2', amount: 100 }, mine.apiKey);
    assert.equal(foreign.status, 404, foreign.text);
    assert.equal((await moneyOf(app.db, theirs.attemptId)).reserved, 0);
    const theirRefund = await refundOk(theirs.paymentId, { refundNo: 'KEY-3', amount: 100 });
    assert.equal((await callRoute(getRefundRoute, { params: { id: theirRefund.id }, token: mine.apiKey })).status, 404);
    assert.equal((await listRefunds(theirs.paymentId, mine.apiKey)).status, 404);
    assert.equal((await callRoute(getRefundRoute, { params: { id: refund.id }, token: mine.apiKey })).status, 200);
    const list = await listRefunds(mine.paymentId, mine.apiKey);
    assert.deepEqual(
      list.json.items.map((item: { id: string }) => item.id),
      [refund.id],
    );
  });

  test("a blocked merchant's refunds still run", async () => {
    const paid = await paidSandboxPayment(app.db, { amount: 1_000 });
    const blocked = await callRoute(blockRoute, { params: { id: paid.merchantId }, body: { reason: 'suspected fake orders' } });
    assert.equal(blocked.status, 200, blocked.text);
    const refund = await refundOk(paid.paymentId, { refundNo: 'BLOCKED-1', amount: 1_000 });
    assert.equal((await settleSandboxRefund(app.db, refund.providerRefundNo)).status, 200);
    assert.deepEqual((await moneyOf(app.db, paid.attemptId)).paymentStatus, 'refunded');
  });

  test('bad input gets a clear 4xx and stores nothing', async () => {
    const paid = await paidSandboxPayment(app.db, { amount: 1_000 });
    const merchant = await makeMerchant(app.db);
    const cases: { name: string; id?: string; body?: unknown; raw?: string; token?: string | null; status: number; code: string }[] = [
      { name: 'no body', raw: '', status: 400, code: 'bad_request' },
      { name: 'not JSON', raw: 'refundNo=1', status: 400, code: 'bad_request' },
      { name: 'no refundNo', body: { amount: 100 }, status: 422, code: 'validation_failed' },
      { name: 'empty refundNo', body: { refundNo: '', amount: 100 }, status: 422, code: 'validation_failed' },
      { name: 'refundNo with a colon', body: { refundNo: 'auto:RD1', amount: 100 }, status: 422, code: 'validation_failed' },
      { name: 'refundNo too long', body: { refundNo: 'x'.repeat(65), amount: 100 }, status: 422, code: 'validation_failed' },
      { name: 'no amount', body: { refundNo: 'BAD-1' }, status: 422, code: 'validation_failed' },
      { name: 'zero amount', body: { refundNo: 'BAD-1', amount: 0 }, status: 422, code: 'validation_failed' },
      { name: 'negative amount', body: { refundNo: 'BAD-1', amount: -5 }, status: 422, code: 'validation_failed' },
      { name: 'fractional amount', body: { refundNo: 'BAD-1', amount: 1.5 }, status: 422, code: 'validation_failed' },
      { name: 'amount as text', body: { refundNo: 'BAD-1', amount: '100' }, status: 422, code: 'validation_failed' },
      { name: 'huge amount', body: { refundNo: 'BAD-1', amount: 2 ** 31 }, status: 422, code: 'validation_failed' },
      {
        name: 'system reason',
        body: { refundNo: 'BAD-1', amount: 100, reason: 'duplicate_payment' },
        status: 422,
        code: 'validation_failed',
      },
      { name: 'NUL in refundNo', body: { refundNo: 'BAD\u00001', amount: 100 }, status: 400, code: 'bad_request' },
      { name: 'not a uuid', id: 'nope', body: { refundNo: 'BAD-1', amount: 100 }, status: 404, code: 'not_found' },
      {
        name: 'unknown payment',
        id: '0196b0c4-0000-7000-8000-000000000000',
        body: { refundNo: 'BAD-1', amount: 100 },
        status: 404,
        code: 'not_found',
      },
      { name: 'no token', body: { refundNo: 'BAD-1', amount: 100 }, token: null, status: 401, code: 'unauthorized' },
      { name: 'a bad token', body: { refundNo: 'BAD-1', amount: 100 }, token: 'mk_nope', status: 401, code: 'unauthorized' },
      { name: "another merchant's key", body: { refundNo: 'BAD-1', amount: 100 }, token: merchant.apiKey, status: 404, code: 'not_found' },
    ];
    for (const item of cases) {
      const answer = await callRoute((await import('@/app/api/payments/[id]/refunds/route')).POST, {
        params: { id: item.id ?? paid.paymentId },
        ...(item.raw !== undefined ? { rawBody: item.raw, headers: { 'content-type': 'application/json' } } : { body: item.body }),
        token: item.token,
      });
      assert.equal(answer.status, item.status, `${item.name}: ${answer.text}`);
      assert.equal(answer.json.error.code, item.code, item.name);
      assert.ok(answer.json.error.message.length > 0, item.name);
    }
    assert.equal(await app.db.refund.count({ where: { paymentId: paid.paymentId } }), 0);
    assert.equal(await app.db.auditEvent.count({ where: { action: 'refund.create', merchantId: paid.merchantId } }), 0);
    assert.deepEqual([(await moneyOf(app.db, paid.attemptId)).reserved, (await moneyOf(app.db, paid.attemptId)).refundCount], [0, 0]);
    assert.equal(await app.db.sandboxRefund.count({ where: { outTradeNo: paid.payment.providerTradeNo } }), 0);
  });
});

describe('GET /api/payments/{id}/refunds and /api/refunds/{id}', () => {
  test('lists newest first in pages; bad cursors and ids are refused', async () => {
    const paid = await paidSandboxPayment(app.db, { amount: 1_000 });
    const made = [];
    for (let n = 1; n <= 3; n++) made.push(await refundOk(paid.paymentId, { refundNo: `PAGE-${n}`, amount: 10 }));
    const first = await listRefunds(paid.paymentId, undefined, '?limit=2');
    assert.equal(first.status, 200, first.text);
    const second = await listRefunds(paid.paymentId, undefined, `?limit=2&cursor=${first.json.nextCursor}`);
    const ids = [...first.json.items, ...second.json.items].map((item) => refundSchema.parse(item).id);
    assert.deepEqual(ids, made.map((refund) => refund.id).reverse());
    assert.equal(second.json.nextCursor, null);
    assert.equal((await listRefunds(paid.paymentId, undefined, '?cursor=junk')).status, 422);
    assert.equal((await listRefunds(paid.paymentId, undefined, '?limit=0')).status, 422);
    assert.equal((await callRoute(getRefundRoute, { params: { id: 'nope' } })).status, 404);
    assert.equal((await callRoute(getRefundRoute, { params: { id: '0196b0c4-0000-7000-8000-000000000000' } })).status, 404);
  });
});
