import type pg from 'pg';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { getPrisma } from '@/lib/db/prisma';
import { percentile } from '../lib/percentile';
import { wechatPaidCallback, type WechatKeys } from '@/tests/helpers/provider-keys';

type Measure = { sql: pg.Pool; keys: WechatKeys; samples: number; notifyUrl: string; log: (line: string) => void };

/**
 * Threshold crossings through the real callback route: a new merchant's default window-amount threshold is ¥50,000
 * in 15 min, so one ¥60,000 payment crosses it. Half the samples first get 21 small payments from one shopper, so
 * repeated-payer-60m agrees and the (block) window rule auto-blocks. Latency = answer of the crossing callback →
 * completion of its risk job (after the transaction with the alert, and the block, committed).
 */
export async function measureCrossings({ sql, keys, samples, notifyUrl, log }: Measure) {
  const { POST: callbackRoute } = await import('@/app/api/callbacks/[provider]/route');
  const db = getPrisma();
  const pay = async (merchantId: string, amount: number) => {
    const payment = await makePayment(db, { merchantId, amount });
    const signed = wechatPaidCallback(keys, payment);
    const response = await callbackRoute(
      new Request('http://bench/api/callbacks/wechatpay', { method: 'POST', headers: signed.headers, body: signed.rawBody }),
      { params: Promise.resolve({ provider: 'wechatpay' }) },
    );
    if (response.status !== 200) throw new Error(`callback refused: ${response.status} ${await response.text()}`);
    return { paymentId: payment.id, answeredAt: Date.now() };
  };
  const alert: number[] = [];
  const block: number[] = [];
  const waited: number[] = [];
  const worked: number[] = [];
  for (let i = 0; i < samples; i++) {
    const blocking = i % 2 === 1;
    const merchant = await makeMerchant(db, { notifyUrl });
    if (blocking) {
      for (let j = 0; j < 21; j++) await pay(merchant.id, 500);
      await until(sql, `SELECT payment_count >= 21 AS ok FROM merchant_risk_profile WHERE merchant_id = $1`, [merchant.id]);
      // The set-up payments' own webhooks are done too: the crossing meets the steady load, not a burst of our making.
      await until(sql, `SELECT count(*) = 21 AS ok FROM delivery WHERE merchant_id = $1 AND status = 'delivered'`, [merchant.id]);
    }
    const crossing = await pay(merchant.id, 6_000_000);
    // Polling the small alert table costs the machine little; the job is looked up once its alert committed.
    await until(sql, `SELECT true AS ok FROM risk_alert WHERE payment_id = $1`, [crossing.paymentId]);
    const jobId = await until(sql, `SELECT id AS ok FROM pgboss.job WHERE name = 'risk' AND data->'data'->>'paymentId' = $1`, [
      crossing.paymentId,
    ]);
    const job = (await until(
      sql,
      `SELECT json_build_object('created', extract(epoch FROM created_on) * 1000, 'started', extract(epoch FROM started_on) * 1000,
      'completed', extract(epoch FROM completed_on) * 1000) AS ok FROM pgboss.job WHERE name = 'risk' AND id = $1 AND state = 'completed'`,
      [jobId],
    )) as Record<string, number>;
    const { rows } = await sql.query(
      `SELECT a.status::text AS alert, m.status::text AS merchant FROM risk_alert a JOIN merchant m ON m.id = a.merchant_id WHERE a.payment_id = $1 AND a.kind = 'window_amount'`,
      [crossing.paymentId],
    );
    if (rows.length !== 1) throw new Error(`sample ${i}: no alert for the crossing payment`);
    if (blocking && rows[0].merchant !== 'blocked') throw new Error(`sample ${i}: merchant not auto-blocked (${JSON.stringify(rows[0])})`);
    (blocking ? block : alert).push(Number(job.completed) - crossing.answeredAt);
    // Where the time went: waiting in the queue for a fetch, then the batch it was fetched in.
    waited.push(Number(job.started) - Number(job.created));
    worked.push(Number(job.completed) - Number(job.started));
  }
  log(`alert samples ${alert.length}, block samples ${block.length}`);
  return { alert: summary(alert), block: summary(block), queued: summary(waited), batch: summary(worked) };
}

/**
 * Setup and completion checks poll every 10 ms: the latency is read from pg-boss's own completion time, not from the
 * poll, and a faster poll would itself be a few hundred queries a second of load on the 2 cores being measured.
 */
async function until(sql: pg.Pool, query: string, params: unknown[]): Promise<unknown> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const { rows } = await sql.query(query, params);
    if (rows[0]?.ok) return rows[0].ok;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for: ${query}`);
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { samples: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) };
}
