// The live stream under merchant isolation, for signed-in people: a session of merchant A hears its own payments,
// deliveries and merchant changes as they commit, and never one of merchant B's, however B's changes are made.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as blockRoute } from '@/app/api/merchants/[id]/block/route';
import { stopLiveListener } from '@/lib/live/live-listener';
import { makeMerchant } from '@/prisma/seed/factories';
import { callRoute } from '@/tests/helpers/call-route';
import type { EventStreamReader } from '@/tests/helpers/event-stream';
import { payThroughCallback } from '@/tests/helpers/paid-payment';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { openSessionStream } from '@/tests/helpers/session-stream';
import { signedInUser } from '@/tests/helpers/sign-in-user';
import { useApp } from '@/tests/helpers/use-app';

const keys = makeWechatpayKeys();
const app = useApp({ ...keys.env, LIVE_HEARTBEAT_SECONDS: '1' });
app.onStop(() => stopLiveListener());
const controllers: AbortController[] = [];
app.onStop(async () => {
  for (const controller of controllers) controller.abort();
});

/** The stream as the signed-in browser opens it, closed when the file's app stops. */
function openAs(cookie: string): Promise<EventStreamReader> {
  const controller = new AbortController();
  controllers.push(controller);
  return openSessionStream(cookie, controller.signal);
}

describe('the live stream keeps merchants apart', () => {
  test("a session of merchant A hears A's changes and none of B's: payments, deliveries, the merchant's status", async () => {
    const [a, b] = [await makeMerchant(app.db), await makeMerchant(app.db)];
    const viewerOfA = await signedInUser(app.db, 'viewer', a.id);
    const ownerOfB = await signedInUser(app.db, 'owner', b.id);
    const streamOfA = await openAs(viewerOfA.cookie);
    const streamOfB = await openAs(ownerOfB.cookie);

    // B's changes first: a paid payment with its delivery, and a block by staff.
    const paidOfB = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: b.id });
    assert.equal((await callRoute(blockRoute, { params: { id: b.id }, body: { reason: 'isolation test' } })).status, 200);
    await streamOfB.waitFor((e) => e.event === 'changes' && e.data.changes.some((c: { kind: string }) => c.kind === 'merchant'));
    // Then A's: once A's stream has heard it, it would have heard B's that committed before.
    const paidOfA = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: a.id });
    await streamOfA.waitFor((e) => e.event === 'changes' && e.data.changes.some((c: { id: string }) => c.id === paidOfA.payment.id));

    const heardByA = streamOfA.changes();
    assert.deepEqual(
      heardByA.filter((change) => change.merchantId !== a.id),
      [],
      "A's stream carried another merchant's change",
    );
    const idsOfB = [b.id, paidOfB.payment.id, paidOfB.delivery.id];
    assert.deepEqual(
      heardByA.filter((change) => idsOfB.includes(change.id)),
      [],
    );
    assert.ok(heardByA.some((change) => change.kind === 'payment' && change.id === paidOfA.payment.id));
    // B's stream heard B's own: the test would notice a stream that hears nothing.
    assert.ok(streamOfB.changes().some((change) => change.id === paidOfB.payment.id));
    assert.deepEqual(
      streamOfB.changes().filter((change) => change.merchantId !== b.id),
      [],
    );
  });
});
