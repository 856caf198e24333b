import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GET as metricsRoute } from '@/app/api/metrics/route';
import { callRoute } from '@/tests/helpers/call-route';
import { startMerchantServer } from '@/tests/helpers/merchant-server';
import { payThroughCallback } from '@/tests/helpers/paid-payment';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { useApp } from '@/tests/helpers/use-app';

const keys = makeWechatpayKeys();
const metricsToken = 'metrics-token-0123456789';
const app = useApp({ ...keys.env, METRICS_TOKEN: metricsToken });
const merchantServer = await startMerchantServer();

/** The value of one sample line, `name{labels} value`, or undefined when the scrape has no such line. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /api/metrics', () => {
  test('refuses a scrape without the metrics token, the admin token included', async () => {
    assert.equal((await callRoute(metricsRoute, { token: null })).status, 401);
    const admin = await callRoute(metricsRoute);
    assert.equal(admin.status, 401);
    assert.equal(admin.json.error.code, 'unauthorized');
  });

  test('shows the callbacks, intake commits and, from the database, deliveries, queues and risk lag', async () => {
    const before = await callRoute(metricsRoute, { token: metricsToken });
    const appliedBefore = sample(before.text, 'paygate_callbacks_total{provider="wechatpay",outcome="applied"}') ?? 0;
    await payThroughCallback(app.db, keys, { notifyUrl: merchantServer.url('/m') });
    const scrape = await callRoute(metricsRoute, { token: metricsToken });
    assert.equal(scrape.status, 200);
    assert.match(scrape.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal(sample(scrape.text, 'paygate_callbacks_total{provider="wechatpay",outcome="applied"}'), appliedBefore + 1);
    assert.ok((sample(scrape.text, 'paygate_intake_commit_batch_size_count') ?? 0) >= 1);
    assert.ok((sample(scrape.text, 'paygate_intake_commit_seconds_count') ?? 0) >= 1);
    // No worker runs in this test: the delivery waits, and so does the risk event.
    assert.equal(sample(scrape.text, 'paygate_deliveries{status="pending"}'), 1);
    assert.equal(sample(scrape.text, 'paygate_queue_jobs{queue="deliver-webhook",state="created"}'), 1);
    assert.ok((sample(scrape.text, 'paygate_queue_oldest_waiting_seconds{queue="risk"}') ?? -1) >= 0);
    assert.ok((sample(scrape.text, 'paygate_risk_lag_seconds') ?? -1) >= 0);
    assert.match(scrape.text, /^paygate_process_cpu_seconds_total /m);
  });
});
