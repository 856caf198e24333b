import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { claimDeliveries } from '@/server/deliveries/claim-delivery';
import { recordDelivered } from '@/server/deliveries/record-delivered';
import { payThroughCallback } from '@/tests/helpers/paid-payment';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { useApp } from '@/tests/helpers/use-app';

const keys = makeWechatpayKeys();
const app = useApp({ ...keys.env, NOTIFY_URL_ALLOWLIST: '127.0.0.1' });
const paid = async () => (await payThroughCallback(app.db, keys, { notifyUrl: 'http://127.0.0.1:9/hook' })).delivery;

describe('deliveries claimed and recorded many at once', () => {
  test('one statement claims a batch; a copy in the batch, a leased delivery and an outdated attempt are refused', async () => {
    const [free, copied, leased, outdated] = [await paid(), await paid(), await paid(), await paid()];
    await app.db.delivery.update({ where: { id: leased.id }, data: { leaseUntil: new Date(Date.now() + 60_000) } });
    const claims = await claimDeliveries(app.db, [
      { deliveryId: free.id, attempt: 1, leaseSeconds: 30 },
      { deliveryId: copied.id, attempt: 1, leaseSeconds: 30 },
      { deliveryId: copied.id, attempt: 1, leaseSeconds: 30 },
      { deliveryId: leased.id, attempt: 1, leaseSeconds: 30 },
      { deliveryId: outdated.id, attempt: 3, leaseSeconds: 30 },
    ]);
    assert.deepEqual(
      claims.map((claim) => claim.kind),
      ['claimed', 'claimed', 'busy', 'busy', 'stale'],
    );
    const [first] = claims;
    assert.ok(first.kind === 'claimed' && first.delivery.id === free.id && first.delivery.secrets.length === 1);
    const stored = await app.db.delivery.findUniqueOrThrow({ where: { id: free.id } });
    assert.ok(stored.leaseUntil && stored.leaseUntil.getTime() > Date.now() + 20_000);
    // The outdated attempt took no lease.
    assert.equal((await app.db.delivery.findUniqueOrThrow({ where: { id: outdated.id } })).leaseUntil, null);
  });

  test('one statement records a batch of successes: each attempt row and its delivered delivery', async () => {
    const deliveries = [await paid(), await paid(), await paid()];
    const startedAt = new Date();
    await recordDelivered(
      app.db,
      deliveries.map((delivery, i) => ({
        deliveryId: delivery.id,
        merchantId: delivery.merchantId,
        attempt: 1,
        url: 'http://127.0.0.1:9/hook',
        result: { startedAt, durationMs: 5 + i, statusCode: 200 + i, responseExcerpt: 'ok', error: null, retryAfterSeconds: null },
      })),
    );
    for (const [i, delivery] of deliveries.entries()) {
      const stored = await app.db.delivery.findUniqueOrThrow({ where: { id: delivery.id }, include: { attempts: true } });
      assert.equal(stored.status, 'delivered');
      assert.equal(stored.attemptCount, 1);
      assert.equal(stored.leaseUntil, null);
      assert.ok(stored.deliveredAt);
      assert.deepEqual(
        stored.attempts.map((a) => [a.attemptNumber, a.statusCode, a.durationMs, a.responseExcerpt]),
        [[1, 200 + i, 5 + i, 'ok']],
      );
    }
  });
});
