// The dashboard's aggregates against a recount of the facts they summarise: after intake (applied, duplicate,
// rejected, unknown and mismatched callbacks), payments closed and failed, deliveries that succeed and that end in the
// dead-letter set, concurrent writers, the compaction and the retention.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as callbackRoute } from '@/app/api/callbacks/[provider]/route';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { createPrisma } from '@/lib/db/prisma';
import { compactDashboardStats } from '@/server/stats/compact-dashboard-stats';
import { statTables } from '@/server/stats/stat-tables';
import { callRoute } from '@/tests/helpers/call-route';
import { startMerchantServer } from '@/tests/helpers/merchant-server';
import { payThroughCallback } from '@/tests/helpers/paid-payment';
import { makeWechatpayKeys, wechatPaidCallback } from '@/tests/helpers/provider-keys';
import { useApp } from '@/tests/helpers/use-app';
import { useDeliveryWorker } from '@/tests/helpers/use-delivery-worker';

const keys = makeWechatpayKeys();
const app = useApp({ ...keys.env, DELIVERY_RETRY_SCHEDULE: '1', DELIVERY_TIMEOUT_MS: '1000' });
const worker = useDeliveryWorker(app);
const merchant = await startMerchantServer();
merchant.answer('/down', () => ({ status: 500 }));

const post = (signed: { rawBody: string; headers: Record<string, string> }) =>
  callRoute(callbackRoute, {
    token: null,
    method: 'POST',
    rawBody: signed.rawBody,
    headers: signed.headers,
    params: { provider: 'wechatpay' },
  });

type Row = Record<string, unknown>;

/** Rows keyed by their key columns, values as numbers (or ISO strings), zero rows left out. */
function keyed(rows: Row[], key: string[]): Map<string, Row> {
  // Sums come back as bigint or, past bigint, as a Decimal: compare them all as numbers.
  const normal = (value: unknown) =>
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'bigint' || (typeof value === 'object' && value !== null && 'toFixed' in value)
        ? Number(String(value))
        : value;
  const map = new Map<string, Row>();
  for (const row of rows) {
    const values = Object.fromEntries(Object.entries(row).map(([column, value]) => [column, normal(value)]));
    const rest = Object.entries(values).filter(([column]) => !key.includes(column));
    if (rest.every(([, value]) => value === 0 || value === null)) continue;
    map.set(key.map((column) => String(values[column])).join('|'), Object.fromEntries(rest));
  }
  return map;
}

/** Each aggregate summed over its shards, next to the same figures counted from the facts. */
async function aggregatesAndRecounts() {
  const q = (sql: string) => app.db.$queryRawUnsafe<Row[]>(sql);
  const paid = `status IN ('succeeded', 'partially_refunded', 'refunded') AND paid_at IS NOT NULL`;
  return {
    payment_stat_minute: {
      key: ['bucket_start', 'provider', 'currency'],
      kept: await q(`SELECT bucket_start, provider::text, currency, sum(pending) AS pending, sum(succeeded) AS succeeded, sum(closed) AS closed,
        sum(failed) AS failed, sum(paid_count) AS paid_count, sum(paid_amount) AS paid_amount FROM payment_stat_minute GROUP BY 1, 2, 3`),
      counted:
        await q(`SELECT bucket_start, provider, currency, sum(pending) AS pending, sum(succeeded) AS succeeded, sum(closed) AS closed,
        sum(failed) AS failed, sum(paid_count) AS paid_count, sum(paid_amount) AS paid_amount FROM (
          SELECT date_trunc('minute', created_at, 'UTC') AS bucket_start, provider::text, currency, count(*) FILTER (WHERE status = 'pending') AS pending,
            count(*) FILTER (WHERE status IN ('succeeded', 'partially_refunded', 'refunded')) AS succeeded, count(*) FILTER (WHERE status = 'closed') AS closed,
            count(*) FILTER (WHERE status = 'failed') AS failed, 0 AS paid_count, 0 AS paid_amount FROM payment GROUP BY 1, 2, 3
          UNION ALL
          SELECT date_trunc('minute', paid_at, 'UTC'), provider::text, currency, 0, 0, 0, 0, count(*), sum(amount) FROM payment WHERE ${paid} GROUP BY 1, 2, 3
        ) facts GROUP BY 1, 2, 3`),
    },
    merchant_paid_hour: {
      key: ['merchant_id', 'bucket_start', 'currency'],
      kept: await q(
        `SELECT merchant_id, bucket_start, currency, sum(paid_count) AS paid_count, sum(paid_amount) AS paid_amount FROM merchant_paid_hour GROUP BY 1, 2, 3`,
      ),
      counted:
        await q(`SELECT merchant_id, date_trunc('hour', paid_at, 'UTC') AS bucket_start, currency, count(*) AS paid_count, sum(amount) AS paid_amount
        FROM payment WHERE ${paid} GROUP BY 1, 2, 3`),
    },
    delivery_status_count: {
      key: ['merchant_id', 'status'],
      kept: await q(`SELECT merchant_id, status::text, sum(count) AS count FROM delivery_status_count GROUP BY 1, 2`),
      counted: await q(`SELECT merchant_id, status::text, count(*) AS count FROM delivery GROUP BY 1, 2`),
    },
    delivery_stat_minute: {
      key: ['bucket_start'],
      kept: await q(`SELECT bucket_start, sum(attempts) AS attempts, sum(succeeded) AS succeeded, sum(first_attempts) AS first_attempts,
        sum(first_succeeded) AS first_succeeded FROM delivery_stat_minute GROUP BY 1`),
      counted:
        await q(`SELECT date_trunc('minute', started_at, 'UTC') AS bucket_start, count(*) AS attempts, count(*) FILTER (WHERE status_code BETWEEN 200 AND 299) AS succeeded,
        count(*) FILTER (WHERE attempt_number = 1) AS first_attempts, count(*) FILTER (WHERE attempt_number = 1 AND status_code BETWEEN 200 AND 299) AS first_succeeded
        FROM delivery_attempt GROUP BY 1`),
    },
    delivery_latency_minute: {
      key: ['bucket_start', 'le_ms'],
      kept: await q(`SELECT bucket_start, le_ms, sum(count) AS count FROM delivery_latency_minute GROUP BY 1, 2`),
      // The ladder written out again: 1, 2, 5 × powers of ten, the first edge at or above the latency.
      counted: await q(`SELECT date_trunc('minute', a.started_at, 'UTC') AS bucket_start,
          (SELECT min(e * p) FROM unnest(ARRAY[1, 2, 5]) e, unnest(ARRAY[1, 10, 100, 1000, 10000, 100000, 1000000]) p
           WHERE e * p >= extract(epoch FROM a.started_at - d.created_at) * 1000 + a.duration_ms) AS le_ms, count(*) AS count
        FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id WHERE a.status_code BETWEEN 200 AND 299 GROUP BY 1, 2`),
    },
    merchant_delivery_hour: {
      key: ['merchant_id', 'bucket_start'],
      kept: await q(`SELECT merchant_id, bucket_start, sum(attempts) AS attempts, sum(failed) AS failed, sum(first_attempts) AS first_attempts,
        sum(first_succeeded) AS first_succeeded, max(last_success_at) AS last_success_at, max(last_failure_at) AS last_failure_at
        FROM merchant_delivery_hour GROUP BY 1, 2`),
      counted: await q(`SELECT d.merchant_id, date_trunc('hour', a.started_at, 'UTC') AS bucket_start, count(*) AS attempts,
        count(*) FILTER (WHERE a.status_code IS NULL OR a.status_code NOT BETWEEN 200 AND 299) AS failed,
        count(*) FILTER (WHERE attempt_number = 1) AS first_attempts, count(*) FILTER (WHERE attempt_number = 1 AND a.status_code BETWEEN 200 AND 299) AS first_succeeded,
        max(a.started_at) FILTER (WHERE a.status_code BETWEEN 200 AND 299) AS last_success_at,
        max(a.started_at) FILTER (WHERE a.status_code IS NULL OR a.status_code NOT BETWEEN 200 AND 299) AS last_failure_at
        FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id GROUP BY 1, 2`),
    },
    // A copy folded into an existing inbox row counts in the minute it came, which the row does not keep: compare totals.
    callback_stat_minute: {
      key: ['provider'],
      kept: await q(`SELECT provider::text, sum(received) AS received, sum(duplicates) AS duplicates, sum(rejected) AS rejected,
        sum(unknown_payment) AS unknown_payment, sum(amount_mismatch) AS amount_mismatch FROM callback_stat_minute GROUP BY 1`),
      counted: await q(`SELECT provider::text, sum(received_count) AS received, sum(received_count - 1) AS duplicates,
        count(*) FILTER (WHERE outcome = 'rejected' AND kind = 'unknown') AS rejected,
        count(*) FILTER (WHERE outcome = 'rejected' AND kind = 'payment' AND payment_id IS NULL) AS unknown_payment,
        count(*) FILTER (WHERE outcome = 'rejected' AND kind = 'payment' AND payment_id IS NOT NULL) AS amount_mismatch
        FROM provider_notification WHERE source = 'callback' GROUP BY 1`),
    },
  };
}

async function assertAggregatesMatchFacts(when: string) {
  for (const [table, { key, kept, counted }] of Object.entries(await aggregatesAndRecounts())) {
    assert.deepEqual(keyed(kept, key), keyed(counted, key), `${table} ${when}`);
  }
}

describe('dashboard aggregates', () => {
  test('equal a recount of the facts after intake, deliveries and dead letters, and after compaction', async () => {
    const shop = await makeMerchant(app.db, { notifyUrl: merchant.url('/ok') });
    const down = await makeMerchant(app.db, { notifyUrl: merchant.url('/down') });
    const paid = [
      ...(await Promise.all(
        [1, 2, 3].map((i) => payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: shop.id, amount: 1000 * i })),
      )),
      ...(await Promise.all([1, 2].map(() => payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: down.id })))),
    ];
    const others = await Promise.all(
      (['alipay', 'sandbox', 'wechatpay', 'alipay'] as const).map((provider) => makePayment(app.db, { merchantId: shop.id, provider })),
    );
    await app.db.payment.update({ where: { id: others[0].id }, data: { status: 'closed' } });
    await app.db.payment.update({ where: { id: others[1].id }, data: { status: 'failed' } });
    await app.db.payment.update({ where: { id: paid[0].payment.id }, data: { status: 'partially_refunded', refundedAmount: 100 } });

    // A copy of an applied notification, one that fails verification, one about no payment and one for another amount.
    const again = await makePayment(app.db, { merchantId: shop.id });
    const signed = wechatPaidCallback(keys, again);
    assert.equal((await post(signed)).status, 200);
    assert.equal((await post(signed)).status, 200);
    assert.equal((await post({ ...signed, headers: { ...signed.headers, 'wechatpay-signature': 'Zm9yZ2Vk' } })).status, 400);
    assert.equal((await post(wechatPaidCallback(keys, { providerTradeNo: 'NOSUCHORDER1', amount: 500 }))).status, 404);
    const mismatched = await makePayment(app.db, { merchantId: down.id, amount: 700 });
    assert.equal((await post(wechatPaidCallback(keys, { providerTradeNo: mismatched.providerTradeNo!, amount: 701 }))).status, 422);

    // Delivered at once to the shop; the other merchant's end in the dead-letter set after their retry.
    await Promise.all(paid.filter((p) => p.merchantId === shop.id).map((p) => worker.waitForAttempt(p.delivery.id, 1)));
    await Promise.all(paid.filter((p) => p.merchantId === down.id).map((p) => worker.waitForAttempt(p.delivery.id, 2)));
    await worker.waitForAttempt((await app.db.delivery.findFirstOrThrow({ where: { paymentId: again.id } })).id, 1);
    const dead = await app.db.delivery.count({ where: { merchantId: down.id, status: 'failed' } });
    assert.equal(dead, 2);

    // Writers on several connections at once land in several shards; the sums do not care.
    const pool = createPrisma(app.database.url, 6);
    try {
      await Promise.all(Array.from({ length: 24 }, () => makePayment(pool, { merchantId: down.id, provider: 'sandbox' })));
    } finally {
      await pool.$disconnect();
    }
    const [{ shards }] = await app.db.$queryRaw<{ shards: bigint }[]>`SELECT count(DISTINCT shard) AS shards FROM payment_stat_minute`;
    assert.ok(shards > 1n, 'concurrent writers should have used more than one shard');

    await assertAggregatesMatchFacts('before compaction');
    const later = new Date(Date.now() + 2 * 3_600_000);
    const outcome = await compactDashboardStats({ db: app.db, now: later });
    assert.ok(outcome.payment_stat_minute.folded > 0, JSON.stringify(outcome));
    await assertAggregatesMatchFacts('after compaction');
    for (const table of statTables) {
      const [{ unfolded }] = await app.db.$queryRawUnsafe<{ unfolded: bigint }[]>(
        `SELECT count(*) AS unfolded FROM ${table.name} WHERE shard >= 0`,
      );
      assert.equal(unfolded, 0n, `${table.name} still has rows in writers' shards`);
    }
    // New facts after the compaction go to the writers' shards again and add up with what was folded.
    const more = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: shop.id, amount: 4200 });
    await worker.waitForAttempt(more.delivery.id, 1);
    await assertAggregatesMatchFacts('after more intake');
  });

  test('a backlog is folded in transactions of at most `chunk` rows, and adds up the same', async () => {
    const shop = await makeMerchant(app.db);
    const pool = createPrisma(app.database.url, 4);
    try {
      await Promise.all(Array.from({ length: 12 }, () => makePayment(pool, { merchantId: shop.id, provider: 'sandbox' })));
    } finally {
      await pool.$disconnect();
    }
    const [{ writerRows }] = await app.db.$queryRaw<
      { writerRows: number }[]
    >`SELECT count(*)::int AS "writerRows" FROM payment_stat_minute WHERE shard >= 0`;
    const outcome = await compactDashboardStats({ db: app.db, now: new Date(Date.now() + 2 * 3_600_000), chunk: 2 });
    assert.equal(outcome.payment_stat_minute.folded, writerRows, 'every writer row was moved, two at a time');
    const [{ unfolded }] = await app.db.$queryRaw<
      { unfolded: bigint }[]
    >`SELECT count(*) AS unfolded FROM payment_stat_minute WHERE shard >= 0`;
    assert.equal(unfolded, 0n);
    await assertAggregatesMatchFacts('after a compaction in chunks');
  });

  test('compaction skips the rows a transaction is writing instead of waiting for it, and folds them next time', async () => {
    const shop = await makeMerchant(app.db);
    await makePayment(app.db, { merchantId: shop.id });
    const folded = await app.db.$transaction(
      async (tx) => {
        // This transaction holds its shard's row of this minute until it commits.
        await tx.payment.create({ data: { merchantId: shop.id, outTradeNo: `HELD${Date.now()}`, provider: 'alipay', amount: 321 } });
        return compactDashboardStats({ db: app.db, now: new Date(Date.now() + 2 * 3_600_000) });
      },
      { timeout: 20_000 },
    );
    assert.ok(folded.payment_stat_minute !== undefined);
    const [{ unfolded }] = await app.db.$queryRaw<
      { unfolded: bigint }[]
    >`SELECT count(*) AS unfolded FROM payment_stat_minute WHERE shard >= 0`;
    assert.ok(unfolded >= 1n, 'the row held by the open transaction was not skipped');
    await compactDashboardStats({ db: app.db, now: new Date(Date.now() + 2 * 3_600_000) });
    await assertAggregatesMatchFacts('after the held row was folded');
  });

  test('retention deletes buckets past their days and keeps the rest', async () => {
    const day = 86_400_000;
    const old = new Date(Math.floor((Date.now() - 40 * day) / 60_000) * 60_000);
    const recent = new Date(Math.floor((Date.now() - 10 * day) / 60_000) * 60_000);
    for (const at of [old, recent]) {
      await app.db.$executeRaw`INSERT INTO callback_stat_minute (bucket_start, provider, shard, received) VALUES (${at}, 'alipay', -1, 1)`;
    }
    const outcome = await compactDashboardStats({ db: app.db, chunk: 1 });
    assert.equal(outcome.callback_stat_minute.pruned, 1);
    const left = await app.db.$queryRaw<
      { at: Date }[]
    >`SELECT bucket_start AS at FROM callback_stat_minute WHERE bucket_start < now() - interval '5 days'`;
    assert.deepEqual(
      left.map((row) => row.at.toISOString()),
      [recent.toISOString()],
    );
  });
});
