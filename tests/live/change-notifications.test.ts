import { adminTokenPrincipal } from '@/lib/auth/principal';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { notifyChanges } from '@/lib/live/notify-changes';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { deliverWebhook, type DeliverySettings } from '@/server/deliveries/deliver-webhook';
import { redeliverMany, redeliverOne } from '@/server/deliveries/redeliver';
import { rotateWebhookSecret } from '@/server/merchants/rotate-webhook-secret';
import { blockMerchant, unblockMerchant } from '@/server/merchants/set-merchant-status';
import { updateMerchant } from '@/server/merchants/update-merchant';
import { decideRiskAlert } from '@/server/risk/decide-risk-alert';
import { processRiskEvents } from '@/server/risk/process-risk-events';
import { updateRiskRule } from '@/server/risk/update-risk-rule';
import { listenForChanges, type ChangeListener } from '@/tests/helpers/live-notifications';
import { startMerchantServer } from '@/tests/helpers/merchant-server';
import { payThroughCallback } from '@/tests/helpers/paid-payment';
import { paymentEvent } from '@/tests/helpers/payment-events';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { useApp } from '@/tests/helpers/use-app';
import type { LiveChange } from '@/contracts/live';

const keys = makeWechatpayKeys();
const app = useApp(keys.env);
const merchantServer = await startMerchantServer();
let listener: ChangeListener;
app.onStart(async () => {
  listener = await listenForChanges(app.database.url);
});
app.onStop(() => listener.close());

const settings: DeliverySettings = { schedule: [1, 1], disableAfterSeconds: 3600, timeoutMs: 2_000, allowlist: ['127.0.0.1'] };
const admin = adminTokenPrincipal;

/** Runs `action` and returns exactly the changes committed while it ran. */
async function changesOf(action: () => Promise<unknown>): Promise<LiveChange[]> {
  await listener.reset(app.db);
  await action();
  await listener.settle(app.db);
  return listener.changes();
}

const deliver = (deliveryId: string, attempt = 1) =>
  deliverWebhook({ db: app.db, boss: app.boss, deliveryId, attempt, step: attempt - 1, settings });

describe('live notifications from the transactions that make the changes', () => {
  test('a rolled-back transaction announces nothing, a committed one its changes', async () => {
    const change = { kind: 'payment' as const, id: '0196b0c4-0000-7000-8000-000000000001', merchantId: null };
    const rolledBack = await changesOf(() =>
      app.db
        .$transaction(async (tx) => {
          await notifyChanges(tx, [change]);
          throw new Error('changed my mind');
        })
        .catch(() => undefined),
    );
    assert.deepEqual(rolledBack, []);
    assert.deepEqual(await changesOf(() => app.db.$transaction((tx) => notifyChanges(tx, [change]))), [change]);
  });

  test('payments: creating one announces it', async () => {
    const merchant = await makeMerchant(app.db);
    let paymentId = '';
    const heard = await changesOf(async () => {
      paymentId = (await makePayment(app.db, { merchantId: merchant.id })).id;
    });
    assert.deepEqual(heard, [{ kind: 'payment', id: paymentId, merchantId: merchant.id }]);
  });

  test('deliveries: delivered (the batched path), failed attempts, the endpoint failing and recovering, redelivery', async () => {
    let failing = true;
    merchantServer.answer('/flaky', () => ({ status: failing ? 500 : 200 }));
    const merchant = await makeMerchant(app.db, { notifyUrl: merchantServer.url('/flaky') });
    const { delivery } = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: merchant.id });
    const deliveryChange = { kind: 'delivery', id: delivery.id, merchantId: merchant.id };
    const merchantChange = { kind: 'merchant', id: merchant.id, merchantId: merchant.id };

    // The first failure: the attempt, and the merchant's endpoint starts failing.
    assert.deepEqual(await changesOf(() => deliver(delivery.id, 1)), [deliveryChange, merchantChange]);
    // The last failure of the schedule: the delivery is failed (dead-letter set); the endpoint was failing already.
    assert.deepEqual(await changesOf(() => deliver(delivery.id, 2)), [deliveryChange]);
    assert.deepEqual(await changesOf(() => deliver(delivery.id, 3)), [deliveryChange]);
    assert.equal((await app.db.delivery.findUniqueOrThrow({ where: { id: delivery.id } })).status, 'failed');

    assert.deepEqual(await changesOf(() => redeliverOne({ db: app.db, boss: app.boss, id: delivery.id, principal: admin })), [
      deliveryChange,
    ]);
    failing = false;
    // Delivered while the endpoint was failing: recorded on its own, and the endpoint recovers.
    assert.deepEqual(await changesOf(() => deliver(delivery.id, 4)), [deliveryChange, merchantChange]);

    const filter = { status: 'delivered' as const, merchantId: merchant.id };
    assert.deepEqual(await changesOf(() => redeliverMany({ db: app.db, boss: app.boss, principal: admin, filter })), [deliveryChange]);
    // A plain success rides on the shared statement of recordDelivered, which announces it too.
    assert.deepEqual(await changesOf(() => deliver(delivery.id, 5)), [deliveryChange]);
    assert.equal((await app.db.delivery.findUniqueOrThrow({ where: { id: delivery.id } })).status, 'delivered');
  });

  test('deliveries: 410 Gone disables the endpoint, and a delivery to a disabled endpoint fails, each announced', async () => {
    merchantServer.answer('/gone', () => ({ status: 410 }));
    const merchant = await makeMerchant(app.db, { notifyUrl: merchantServer.url('/gone') });
    const first = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: merchant.id });
    const second = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: merchant.id });
    assert.deepEqual(await changesOf(() => deliver(first.delivery.id)), [
      { kind: 'delivery', id: first.delivery.id, merchantId: merchant.id },
      { kind: 'merchant', id: merchant.id, merchantId: merchant.id },
    ]);
    assert.deepEqual(await changesOf(() => deliver(second.delivery.id)), [
      { kind: 'delivery', id: second.delivery.id, merchantId: merchant.id },
    ]);
    assert.equal((await app.db.delivery.findUniqueOrThrow({ where: { id: second.delivery.id } })).status, 'failed');
  });

  test('risk alerts: opened, folded and decided are announced; a block announces the merchant too', async () => {
    const velocity = await app.db.riskRule.findFirstOrThrow({ where: { name: 'velocity-5m' } });
    await updateRiskRule({
      db: app.db,
      principal: adminTokenPrincipal,
      ruleId: velocity.id,
      changes: { params: { windowMinutes: 5, maxCount: 1 } },
    });
    const merchant = await makeMerchant(app.db);
    const policy = { enabled: false, minSignals: 2, signalWindowMinutes: 60, maxPerHour: 3, unblockGraceMinutes: 1440 };
    const at = (second: number) => new Date(Date.UTC(2026, 2, 2, 10, 0, second));
    const run = (second: number) =>
      processRiskEvents({
        db: app.db,
        boss: app.boss,
        policy,
        events: [paymentEvent({ merchantId: merchant.id, amount: 100, paidAt: at(second) })],
      });
    assert.deepEqual(await changesOf(() => run(1)), []);
    const opened = await changesOf(() => run(2));
    const alert = await app.db.riskAlert.findFirstOrThrow({ where: { merchantId: merchant.id } });
    assert.deepEqual(opened, [{ kind: 'alert', id: alert.id, merchantId: merchant.id }]);
    assert.deepEqual(await changesOf(() => run(3)), opened, 'folded into the open alert');
    assert.equal((await app.db.riskAlert.findUniqueOrThrow({ where: { id: alert.id } })).hitCount, 2);

    const decide = () =>
      decideRiskAlert({ db: app.db, alertId: alert.id, principal: admin, decision: { decision: 'blocked', reason: 'fake orders' } });
    assert.deepEqual(await changesOf(decide), [...opened, { kind: 'merchant', id: merchant.id, merchantId: merchant.id }]);
    await updateRiskRule({
      db: app.db,
      principal: adminTokenPrincipal,
      ruleId: velocity.id,
      changes: { params: velocity.params as Record<string, unknown> },
    });
  });

  test('merchants: created, blocked, unblocked, settings changed and secret rotated are announced', async () => {
    let merchantId = '';
    const created = await changesOf(async () => {
      merchantId = (await makeMerchant(app.db)).id;
    });
    const change = { kind: 'merchant', id: merchantId, merchantId };
    assert.deepEqual(created, [change]);
    const status = { db: app.db, boss: app.boss, merchantId, reason: 'looking into it', actor: admin, source: 'api' as const };
    assert.deepEqual(await changesOf(() => blockMerchant(status)), [change]);
    assert.deepEqual(await changesOf(() => unblockMerchant(status)), [change]);
    const changes = { name: 'Renamed shop' };
    assert.deepEqual(await changesOf(() => updateMerchant({ db: app.db, id: merchantId, principal: admin, changes })), [change]);
    const rotate = () => rotateWebhookSecret({ db: app.db, merchantId, principal: admin, overlapSeconds: 60 });
    assert.deepEqual(await changesOf(rotate), [change]);
    // A refused change announces nothing.
    assert.deepEqual(await changesOf(() => unblockMerchant(status).catch(() => undefined)), []);
  });
});
