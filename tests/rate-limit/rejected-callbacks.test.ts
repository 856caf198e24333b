// Forged callbacks are counted, sampled and limited per source address; a genuine signed callback from that same
// address is never limited.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as callbackRoute } from '@/app/api/callbacks/[provider]/route';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { getMetrics } from '@/lib/metrics/metrics';
import { databaseDigest } from '@/tests/helpers/database-digest';
import { makeWechatpayKeys, wechatPaidCallback } from '@/tests/helpers/provider-keys';
import { useApp } from '@/tests/helpers/use-app';

const wechat = makeWechatpayKeys();
const app = useApp({
  ...wechat.env,
  RATE_LIMIT_REJECTED_CALLBACKS_PER_MINUTE: '20',
  REJECTED_CALLBACK_SAMPLE_FIRST: '10',
  REJECTED_CALLBACK_SAMPLE_EVERY: '100',
  REJECTED_CALLBACK_SAMPLES_PER_HOUR: '100',
});

const attacker = '203.0.113.9';
const evidenceTables = ['provider_notification', 'rejected_callback_count', 'api_rate_limit', 'callback_stat_minute'];

async function post(body: string, headers: Record<string, string>, address: string) {
  const request = new Request('http://localhost/api/callbacks/wechatpay', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...headers },
    body,
  });
  const response = await callbackRoute(request, { params: Promise.resolve({ provider: 'wechatpay' }) });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), text: await response.text() };
}

async function rejectedMetric(): Promise<number> {
  const metric = await getMetrics().rejectedCallbacks.get();
  return metric.values.filter((value) => value.labels.provider === 'wechatpay').reduce((sum, value) => sum + value.value, 0);
}

describe('rejected callbacks', () => {
  test('1,000 forged callbacks from one address: all counted, at most the sample bound kept, 429 past the limit, nothing else changed', async () => {
    const merchant = await makeMerchant(app.db);
    const payment = await makePayment(app.db, { merchantId: merchant.id, provider: 'wechatpay' });
    const genuine = wechatPaidCallback(wechat, payment);
    const forged = { ...genuine.headers, 'wechatpay-signature': Buffer.from('forged'.repeat(40)).toString('base64') };
    const before = await databaseDigest(app.db, evidenceTables);
    const metricBefore = await rejectedMetric();

    const statuses: number[] = [];
    const retryAfters = new Set<string | null>();
    for (let batch = 0; batch < 100; batch += 1) {
      const answers = await Promise.all(Array.from({ length: 10 }, () => post(genuine.rawBody, forged, attacker)));
      for (const answer of answers) {
        statuses.push(answer.status);
        if (answer.status === 429) retryAfters.add(answer.retryAfter);
      }
    }
    const refused = statuses.filter((status) => status !== 429);
    assert.equal(refused.length, 20, 'the first 20 are refused for what they are, the rest are throttled');
    assert.ok(
      refused.every((status) => status >= 400 && status < 500),
      refused.join(),
    );
    assert.ok(
      [...retryAfters].every((value) => Number(value) >= 1 && Number(value) <= 60),
      [...retryAfters].join(),
    );

    const [counter] = await app.db.$queryRaw<{ count: number; sampled: number; n: number }[]>`
      SELECT sum(count)::int AS count, sum(sampled)::int AS sampled, count(*)::int AS n
      FROM rejected_callback_count WHERE provider = 'wechatpay' AND source_ip = ${attacker}`;
    assert.deepEqual(counter, { count: 1_000, sampled: 20, n: 1 }, 'one counter says 1,000, of which 10 + 1,000/100 sampled');
    const [kept] = await app.db.$queryRaw<{ n: number; longest: number }[]>`
      SELECT count(*)::int AS n, max(length(raw_body))::int AS longest FROM provider_notification WHERE outcome = 'rejected'`;
    assert.equal(kept.n, 20, 'evidence rows stay within the bound');
    assert.ok(kept.longest <= 2_049);
    assert.equal((await rejectedMetric()) - metricBefore, 1_000);
    assert.deepEqual(await databaseDigest(app.db, evidenceTables), before, 'a forged callback changed the database');

    // The genuine callback, and a burst of others, from the address being limited: every one is taken.
    const first = await post(genuine.rawBody, genuine.headers, attacker);
    assert.equal(first.status, 200, first.text);
    const others = await Promise.all(
      Array.from({ length: 30 }, () => makePayment(app.db, { merchantId: merchant.id, provider: 'wechatpay' })),
    );
    const answers = await Promise.all(
      others.map((other) => {
        const signed = wechatPaidCallback(wechat, other);
        return post(signed.rawBody, signed.headers, attacker);
      }),
    );
    assert.deepEqual(
      answers.map((answer) => answer.status),
      answers.map(() => 200),
    );
    const paid = await app.db.payment.count({
      where: { id: { in: [payment.id, ...others.map((other) => other.id)] }, status: 'succeeded' },
    });
    assert.equal(paid, 31);
    const elsewhere = await post(genuine.rawBody, forged, '203.0.113.10');
    assert.ok(elsewhere.status >= 400 && elsewhere.status < 429, `another address is not limited: ${elsewhere.status}`);
  });
});
