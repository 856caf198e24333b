// The live stream of a signed-in merchant user (DESIGN §4 Live view, §8): while two merchants both have payments paid
// through real callbacks, its stream carries its own merchant's payments and deliveries and never the other's, while
// a staff member's stream, open at the same time, hears both.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stopLiveListener } from '@/lib/live/live-listener';
import { makeMerchant } from '@/prisma/seed/factories';
import type { EventStreamReader } from '@/tests/helpers/event-stream';
import { payThroughCallback } from '@/tests/helpers/paid-payment';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { openSessionStream } from '@/tests/helpers/session-stream';
import { signedInUser } from '@/tests/helpers/sign-in-user';
import { useApp } from '@/tests/helpers/use-app';

const keys = makeWechatpayKeys();
const app = useApp(keys.env);
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

const hasChange = (id: string) => (e: { event: string; data: any }) =>
  e.event === 'changes' && e.data.changes.some((change: { id: string }) => change.id === id);

describe('the live stream of a signed-in merchant user', () => {
  test("never carries another merchant's events while both have payments paid", async () => {
    const [a, b] = [await makeMerchant(app.db), await makeMerchant(app.db)];
    const ownerOfA = await signedInUser(app.db, 'owner', a.id);
    const viewerOfA = await signedInUser(app.db, 'viewer', a.id);
    const analyst = await signedInUser(app.db, 'analyst');
    const streams = { owner: await openAs(ownerOfA.cookie), viewer: await openAs(viewerOfA.cookie), staff: await openAs(analyst.cookie) };

    const paid = { a: [] as string[], b: [] as string[] };
    for (let round = 0; round < 4; round++) {
      for (const [name, merchant] of [
        ['a', a],
        ['b', b],
      ] as const) {
        const { payment, delivery } = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: merchant.id });
        paid[name].push(payment.id, delivery.id);
      }
    }
    // B's last payment was paid after A's: once the staff stream has heard it, every change before it has been sent.
    const lastOfA = paid.a.at(-2)!;
    const lastOfB = paid.b.at(-2)!;
    await streams.staff.waitFor(hasChange(lastOfB));
    await streams.owner.waitFor(hasChange(lastOfA));
    await streams.viewer.waitFor(hasChange(lastOfA));

    for (const [who, reader] of [
      ['owner', streams.owner],
      ['viewer', streams.viewer],
    ] as const) {
      const heard = reader.changes();
      const foreign = heard.filter((change) => change.merchantId !== a.id || paid.b.includes(change.id));
      assert.deepEqual(foreign, [], `the ${who} of A heard another merchant's changes`);
      const ids = new Set(heard.map((change) => change.id));
      assert.deepEqual(
        paid.a.filter((id) => !ids.has(id)),
        [],
        `the ${who} of A missed some of its own payments or deliveries`,
      );
    }
    // The isolation is the filter's doing, not a quiet stream: staff heard B's payments and deliveries.
    const staffHeard = new Set(streams.staff.changes().map((change) => change.id));
    assert.deepEqual(
      paid.b.filter((id) => !staffHeard.has(id)),
      [],
    );
  });
});
