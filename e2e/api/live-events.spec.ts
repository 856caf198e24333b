// The live stream through the built server (`next start`) and a worker: not buffered, filtered per caller, fast.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { measureLiveLag, openLiveStream } from '@/bench/live/measure-live-lag';
import { percentile } from '@/bench/lib/percentile';
import { directDb } from '@/tests/helpers/direct-db';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { adminToken } from '@/tests/helpers/test-database';
import { outTradeNo } from '@/prisma/seed/factories';
import { api, startSystem, type RunningSystem } from '../helpers/start-system';

const keys = makeWechatpayKeys();
let system: RunningSystem;
let db: ReturnType<typeof directDb>['db'];
const merchants: { id: string; apiKey: string }[] = [];

before(async () => {
  system = await startSystem({ ...keys.env, LIVE_HEARTBEAT_SECONDS: '1' });
  db = directDb(system.database.url).db;
  for (const name of ['Live Mart A', 'Live Mart B']) {
    const created = await api(system.baseUrl, 'POST', '/api/merchants', { name, notifyUrl: 'http://127.0.0.1:9/notify' });
    assert.equal(created.status, 201);
    merchants.push(created.json);
  }
});

after(async () => {
  await db?.$disconnect();
  // Payments made in this process queue their first status query through this process's queue handle.
  const { getBoss } = await import('@/lib/queue/boss');
  await (await getBoss()).stop({ graceful: false, close: true });
  await system?.stop();
});

const sandboxPayment = async (merchant: { id: string; apiKey: string }) => {
  const created = await api(
    system.baseUrl,
    'POST',
    '/api/payments',
    { merchantId: merchant.id, outTradeNo: outTradeNo(), amount: 990, provider: 'sandbox' },
    merchant.apiKey,
  );
  assert.equal(created.status, 201, JSON.stringify(created.json));
  return created.json.id as string;
};

describe('GET /api/events on the running system', () => {
  test('the stream is not compressed or buffered: frames and heartbeats arrive as they are sent', async () => {
    const response = await fetch(`${system.baseUrl}/api/events`, {
      headers: { authorization: `Bearer ${adminToken}`, 'accept-encoding': 'gzip, deflate, br' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.equal(response.headers.get('content-encoding'), null);
    const stream = await openLiveStream(system.baseUrl, adminToken);
    try {
      await stream.reader.waitFor((event) => event.event === 'heartbeat', { timeoutMs: 5_000 });
    } finally {
      stream.close();
      await response.body?.cancel();
    }
  });

  test('a sandbox payment paid through the worker reaches staff and its own merchant, never the other merchant', async () => {
    const [a, b] = merchants;
    const staff = await openLiveStream(system.baseUrl, adminToken);
    const ofA = await openLiveStream(system.baseUrl, a.apiKey);
    const ofB = await openLiveStream(system.baseUrl, b.apiKey);
    try {
      const paymentOfA = await sandboxPayment(a);
      const paid = await api(system.baseUrl, 'POST', `/api/sandbox/payments/${paymentOfA}/pay`, {}, a.apiKey);
      assert.equal(paid.status, 202);
      // Settled: the payment with its delivery, in one event.
      const settled = (event: { event: string; data: any }) =>
        event.event === 'changes' &&
        event.data.changes.some((c: any) => c.id === paymentOfA) &&
        event.data.changes.some((c: any) => c.kind === 'delivery');
      await Promise.all([staff.reader.waitFor(settled), ofA.reader.waitFor(settled)]);
      // B's own payment is the marker: once B hears it, it would have heard A's before.
      const paymentOfB = await sandboxPayment(b);
      await ofB.reader.waitFor((event) => event.event === 'changes' && event.data.changes.some((c: any) => c.id === paymentOfB));
      await staff.reader.waitFor((event) => event.event === 'changes' && event.data.changes.some((c: any) => c.id === paymentOfB));
      assert.deepEqual(
        ofB.reader.changes().filter((change) => change.merchantId !== b.id),
        [],
        "B's stream carried another merchant's changes",
      );
      assert.ok(ofA.reader.changes().every((change) => change.merchantId === a.id));
      assert.ok(!ofA.reader.changes().some((change) => change.id === paymentOfB));
    } finally {
      for (const stream of [staff, ofA, ofB]) stream.close();
    }
  });

  test("a callback's payment reaches an open stream well within the 1 s target", async () => {
    const lags = await measureLiveLag({
      baseUrl: system.baseUrl,
      token: adminToken,
      db,
      keys,
      merchantIds: merchants.map((merchant) => merchant.id),
      count: 20,
    });
    assert.ok(percentile(lags, 95) < 1_000, `lags ${lags.map((lag) => lag.toFixed(0)).join(', ')} ms`);
  });
});
