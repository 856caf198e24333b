import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as callbackRoute } from '@/app/api/callbacks/[provider]/route';
import { encodeLiveChanges, maxLivePayloadBytes } from '@/lib/live/notify-changes';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { commitPaymentBatch, type BatchItem } from '@/server/intake/commit-payment-batch';
import { verifyCallback } from '@/server/intake/verify-callback';
import { callRoute } from '@/tests/helpers/call-route';
import { listenForChanges, type ChangeListener } from '@/tests/helpers/live-notifications';
import { makeWechatpayKeys, wechatPaidCallback } from '@/tests/helpers/provider-keys';
import { useApp } from '@/tests/helpers/use-app';
import type { LiveChange } from '@/contracts/live';

const keys = makeWechatpayKeys();
const app = useApp(keys.env);
let listener: ChangeListener;
app.onStart(async () => {
  listener = await listenForChanges(app.database.url);
});
app.onStop(() => listener.close());

/** `count` pending payments spread over two merchants, each with its verified "paid" callback, as a batch. */
async function batchOf(count: number): Promise<BatchItem[]> {
  const merchants = [await makeMerchant(app.db), await makeMerchant(app.db)];
  const items: BatchItem[] = [];
  for (let i = 0; i < count; i++) {
    const payment = await makePayment(app.db, { merchantId: merchants[i % 2].id });
    const signed = wechatPaidCallback(keys, payment);
    const notification = await verifyCallback({
      db: app.db,
      provider: 'wechatpay',
      rawBody: signed.rawBody,
      headers: new Headers(signed.headers),
    });
    assert.equal(notification.kind, 'payment');
    const attemptId = payment.attempts[0].id;
    items.push({
      notification,
      attemptId,
      paymentId: payment.id,
      rawBody: signed.rawBody,
      headers: signed.headers,
      source: 'callback',
      exchangeId: null,
      copies: 1,
    });
  }
  return items;
}

/** What the batch should announce: each payment and its new delivery, with their merchant. */
async function expectedChanges(items: BatchItem[]): Promise<LiveChange[]> {
  const deliveries = await app.db.delivery.findMany({ where: { paymentId: { in: items.map((item) => item.paymentId) } } });
  assert.equal(deliveries.length, items.length);
  return deliveries.flatMap((delivery): LiveChange[] => [
    { kind: 'payment', id: delivery.paymentId, merchantId: delivery.merchantId },
    { kind: 'delivery', id: delivery.id, merchantId: delivery.merchantId },
  ]);
}

const sorted = <T extends { kind: string; id: string }>(changes: T[]) =>
  [...changes].sort((a, b) => `${a.kind}${a.id}`.localeCompare(`${b.kind}${b.id}`));

describe('live notifications from intake', () => {
  test('a batch of 20 callbacks commits one notification naming every payment and its delivery', async () => {
    const items = await batchOf(20);
    await listener.reset(app.db);
    const outcomes = await commitPaymentBatch(app.db, app.boss, items);
    assert.deepEqual(outcomes, Array(20).fill('applied'));
    await listener.settle(app.db);
    assert.equal(listener.heard.length, 1, `heard ${listener.heard.length} notifications`);
    assert.deepEqual(sorted(listener.heard[0].changes), sorted(await expectedChanges(items)));
  });

  test('a batch too large for one payload is split below the 8000-byte limit, and nothing is lost', async () => {
    const items = await batchOf(120);
    await listener.reset(app.db);
    await commitPaymentBatch(app.db, app.boss, items);
    await listener.settle(app.db);
    const expected = await expectedChanges(items);
    assert.equal(listener.heard.length, encodeLiveChanges(expected).length);
    assert.ok(listener.heard.length > 1);
    assert.ok(listener.heard.every(({ payload }) => Buffer.byteLength(payload) <= maxLivePayloadBytes));
    assert.deepEqual(sorted(listener.changes()), sorted(expected));
  });

  test('duplicates of a callback already applied announce nothing', async () => {
    const items = await batchOf(3);
    await commitPaymentBatch(app.db, app.boss, items);
    await listener.reset(app.db);
    const outcomes = await commitPaymentBatch(app.db, app.boss, items);
    assert.deepEqual(outcomes, ['duplicate', 'duplicate', 'duplicate']);
    await listener.settle(app.db);
    assert.deepEqual(listener.heard, []);
  });

  test('a callback whose transaction rolls back announces nothing; its retry announces the payment once', async () => {
    const merchant = await makeMerchant(app.db);
    const payment = await makePayment(app.db, { merchantId: merchant.id });
    const signed = wechatPaidCallback(keys, payment);
    const post = () =>
      callRoute(callbackRoute, {
        token: null,
        method: 'POST',
        rawBody: signed.rawBody,
        headers: signed.headers,
        params: { provider: 'wechatpay' },
      });
    // A real failure at COMMIT, after every statement of the transaction ran (the notification's included): a deferred
    // constraint trigger on this payment's delivery row.
    await app.db.$executeRawUnsafe(`
      CREATE FUNCTION fail_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused at commit'; END; $$`);
    await app.db.$executeRawUnsafe(`
      CREATE CONSTRAINT TRIGGER fail_at_commit AFTER INSERT ON delivery DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW WHEN (NEW.payment_id = '${payment.id}') EXECUTE FUNCTION fail_at_commit()`);
    await listener.reset(app.db);
    try {
      assert.equal((await post()).status, 500);
      assert.equal((await app.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status, 'pending');
    } finally {
      await app.db.$executeRawUnsafe('DROP TRIGGER fail_at_commit ON delivery');
      await app.db.$executeRawUnsafe('DROP FUNCTION fail_at_commit()');
    }
    await listener.settle(app.db);
    assert.deepEqual(listener.heard, [], 'a rolled-back callback was announced');
    assert.equal((await post()).status, 200);
    await listener.settle(app.db);
    const delivery = await app.db.delivery.findFirstOrThrow({ where: { paymentId: payment.id } });
    assert.deepEqual(
      listener.heard.map(({ changes }) => changes),
      [
        [
          { kind: 'payment', id: payment.id, merchantId: merchant.id },
          { kind: 'delivery', id: delivery.id, merchantId: merchant.id },
        ],
      ],
    );
  });

  test('an unknown payment raises an alert that is announced to staff only (it names no merchant)', async () => {
    const signed = wechatPaidCallback(keys, { providerTradeNo: 'T_nobody_knows_this', amount: 500 });
    const answer = await callRoute(callbackRoute, {
      token: null,
      method: 'POST',
      rawBody: signed.rawBody,
      headers: signed.headers,
      params: { provider: 'wechatpay' },
    });
    assert.equal(answer.status, 404, answer.text);
    const alert = await app.db.riskAlert.findFirstOrThrow({ where: { kind: 'unknown_payment' }, orderBy: { openedAt: 'desc' } });
    assert.deepEqual(await listener.waitFor((change) => change.id === alert.id), { kind: 'alert', id: alert.id, merchantId: null });
  });
});
