import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { v7 as uuidv7 } from 'uuid';
import { GET as eventsRoute } from '@/app/api/events/route';
import { getLiveListener, stopLiveListener } from '@/lib/live/live-listener';
import { notifyChanges } from '@/lib/live/notify-changes';
import { reconnectHintMs } from '@/lib/live/open-event-stream';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { readEventStream, type EventStreamReader } from '@/tests/helpers/event-stream';
import { adminToken } from '@/tests/helpers/test-database';
import { useApp } from '@/tests/helpers/use-app';
import type { LiveChange } from '@/contracts/live';

const app = useApp({ LIVE_HEARTBEAT_SECONDS: '1' });
app.onStop(() => stopLiveListener());

const openStreams: { controller: AbortController; reader: EventStreamReader }[] = [];
app.onStop(async () => {
  for (const { controller } of openStreams) controller.abort();
});

/** Opens the stream as a browser would, and waits until it is live (the listener LISTENs). */
async function open(token: string | null = adminToken) {
  const controller = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (token) headers.authorization = `Bearer ${token}`;
  const request = new Request('http://localhost/api/events', { headers, signal: controller.signal });
  const response = await eventsRoute(request, { params: Promise.resolve({}) });
  if (response.status !== 200) assert.fail(`${response.status}: ${await response.text()}`);
  assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
  assert.match(response.headers.get('cache-control') ?? '', /no-transform/);
  const reader = readEventStream(response);
  openStreams.push({ controller, reader });
  const ready = await reader.waitFor((e) => e.event === 'ready');
  if (!ready.data.listening) await reader.waitFor((e) => e.event === 'reconnected');
  return { reader, controller, ready };
}

const commit = (changes: LiveChange[]) => app.db.$transaction((tx) => notifyChanges(tx, changes));
const hasChange = (id: string) => (e: { event: string; data: any }) =>
  e.event === 'changes' && e.data.changes.some((c: LiveChange) => c.id === id);

describe('GET /api/events', () => {
  test('a change committed reaches an open stream; a rolled-back one never does', async () => {
    const { reader, ready } = await open();
    assert.deepEqual(reader.retries, [reconnectHintMs], 'the stream tells the browser how soon to reconnect');
    assert.equal(ready.data.heartbeatMs, 1000);
    const merchant = await makeMerchant(app.db);
    const payment = await makePayment(app.db, { merchantId: merchant.id });
    const heard = await reader.waitFor(hasChange(payment.id));
    assert.deepEqual(heard.data.changes, [{ kind: 'payment', id: payment.id, merchantId: merchant.id }]);

    const rolledBack = uuidv7();
    await app.db
      .$transaction(async (tx) => {
        await notifyChanges(tx, [{ kind: 'payment', id: rolledBack, merchantId: merchant.id }]);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    const marker = uuidv7();
    await commit([{ kind: 'payment', id: marker, merchantId: merchant.id }]);
    await reader.waitFor(hasChange(marker));
    assert.ok(!reader.changes().some((change) => change.id === rolledBack), 'a rolled-back change reached the stream');
  });

  test("a merchant key's stream carries only its merchant's changes and no risk alerts; staff hear everything", async () => {
    const [a, b] = [await makeMerchant(app.db), await makeMerchant(app.db)];
    const staff = await open();
    const ofA = await open(a.apiKey);
    const ofB = await open(b.apiKey);
    const changes: LiveChange[] = [
      { kind: 'payment', id: uuidv7(), merchantId: a.id },
      { kind: 'delivery', id: uuidv7(), merchantId: b.id },
      { kind: 'alert', id: uuidv7(), merchantId: a.id },
      { kind: 'alert', id: uuidv7(), merchantId: null },
      { kind: 'merchant', id: uuidv7(), merchantId: b.id },
      { kind: 'payment', id: uuidv7(), merchantId: a.id },
    ];
    // One notification with both merchants' changes, and one each.
    await commit(changes);
    await commit([changes[0]]);
    await commit([changes[1]]);
    const markers = { a: uuidv7(), b: uuidv7() };
    await commit([
      { kind: 'payment', id: markers.a, merchantId: a.id },
      { kind: 'payment', id: markers.b, merchantId: b.id },
    ]);
    await Promise.all([
      staff.reader.waitFor(hasChange(markers.b)),
      ofA.reader.waitFor(hasChange(markers.a)),
      ofB.reader.waitFor(hasChange(markers.b)),
    ]);
    // Only this test's changes: the merchants' own creation may reach the listener after the streams opened.
    const ours = new Set(changes.map((change) => change.id));
    const heardBy = (reader: EventStreamReader) => reader.changes().filter((change) => ours.has(change.id));
    assert.deepEqual(heardBy(ofA.reader), [changes[0], changes[5], changes[0]], "A's stream");
    assert.deepEqual(heardBy(ofB.reader), [changes[1], changes[4], changes[1]], "B's stream");
    assert.deepEqual(heardBy(staff.reader), [...changes, changes[0], changes[1]], 'the staff stream');
    assert.ok(!ofB.reader.events.some((e) => e.event === 'changes' && e.data.changes.length === 0), 'no empty events');
  });

  test('heartbeats keep a quiet stream alive', async () => {
    const { reader } = await open();
    const first = await reader.waitFor((e) => e.event === 'heartbeat', { timeoutMs: 3_000 });
    const second = await reader.waitFor((e) => e.event === 'heartbeat' && e !== first, { timeoutMs: 3_000 });
    assert.ok(second.at - first.at >= 800, `heartbeats ${Math.round(second.at - first.at)} ms apart`);
  });

  test('without a valid credential the stream is refused with 401 and the error shape', async () => {
    for (const token of [null, 'mk_not-a-real-key']) {
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      const response = await eventsRoute(new Request('http://localhost/api/events', { headers }), { params: Promise.resolve({}) });
      assert.equal(response.status, 401);
      assert.equal((await response.json()).error.code, 'unauthorized');
    }
  });

  test('a stream that goes away is unsubscribed, whether the request is aborted or the reader cancels', async () => {
    const listener = getLiveListener();
    const before = listener.subscriberCount;
    const aborted = await open();
    const cancelled = await open();
    assert.equal(listener.subscriberCount, before + 2);
    aborted.controller.abort();
    await aborted.reader.done;
    await cancelled.reader.cancel();
    assert.equal(listener.subscriberCount, before);
  });

  test('the listener reconnects after its connection is killed; the stream says so and resumes', async () => {
    const { reader } = await open();
    const from = reader.events.length;
    const [killed] = await app.db.$queryRaw<{ pid: number }[]>`
      SELECT pid FROM pg_stat_activity WHERE application_name = 'paygate-live' AND datname = current_database()`;
    assert.ok(killed, 'the listening connection is in pg_stat_activity');
    await app.db.$queryRaw`SELECT pg_terminate_backend(${killed.pid}::int)`;
    await reader.waitFor((e) => e.event === 'interrupted', { from });
    await reader.waitFor((e) => e.event === 'reconnected', { from });
    const [after] = await app.db.$queryRaw<{ pid: number }[]>`
      SELECT pid FROM pg_stat_activity WHERE application_name = 'paygate-live' AND datname = current_database()`;
    assert.notEqual(after.pid, killed.pid);
    const id = uuidv7();
    await commit([{ kind: 'merchant', id, merchantId: null }]);
    await reader.waitFor(hasChange(id), { from });
  });

  test('a notification that is not a list of changes is dropped; the stream carries on', async () => {
    const { reader } = await open();
    const from = reader.events.length;
    await app.db.$executeRaw`SELECT pg_notify('paygate_live', '{"changes":[{"kind":"payment","id":"not-a-uuid"}]}')`;
    await app.db.$executeRaw`SELECT pg_notify('paygate_live', 'not json')`;
    const id = uuidv7();
    await commit([{ kind: 'payment', id, merchantId: null }]);
    await reader.waitFor(hasChange(id), { from });
    assert.deepEqual(
      reader.events
        .slice(from)
        .filter((e) => e.event === 'changes')
        .map((e) => e.data.changes),
      [[{ kind: 'payment', id, merchantId: null }]],
    );
  });
});
