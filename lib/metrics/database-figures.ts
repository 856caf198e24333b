import { Gauge, Registry } from 'prom-client';
import type { Db } from '@/lib/db/prisma';
import { jobs } from '@/lib/queue/jobs';

// Worker-side figures, derived from PostgreSQL when scraped: what the workers did is in the database, whichever
// worker did it, so no worker needs a port of its own and several workers add up by construction.
const chores = [jobs.pruneRiskAggregates.name, jobs.requeueStrandedDeliveries.name];

type Row = Record<string, unknown>;

export async function databaseFigures(db: Db): Promise<Registry> {
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });

  const deliveries = gauge('paygate_deliveries', 'Deliveries by status', ['status']);
  for (const row of await db.$queryRaw<
    { status: string; n: number }[]
  >`SELECT status::text, count(*)::int AS n FROM delivery GROUP BY status`) {
    deliveries.set({ status: row.status }, row.n);
  }
  const [latency] = await db.$queryRaw<Row[]>`
    SELECT coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), 0)::float8 AS p50,
      coalesce(percentile_cont(0.95) WITHIN GROUP (ORDER BY ms), 0)::float8 AS p95, count(*)::int AS n
    FROM (SELECT extract(epoch FROM delivered_at - created_at) * 1000 AS ms FROM delivery
          WHERE status = 'delivered' ORDER BY created_at DESC LIMIT 1000) recent`;
  const deliveryLatency = gauge('paygate_delivery_latency_ms', 'Callback committed → merchant acknowledged, last 1,000 delivered', [
    'quantile',
  ]);
  deliveryLatency.set({ quantile: '0.5' }, Number(latency.p50));
  deliveryLatency.set({ quantile: '0.95' }, Number(latency.p95));
  const attempts = gauge('paygate_delivery_attempts_recent', 'Attempts of the last 1,000 deliveries by outcome', ['outcome']);
  for (const row of await db.$queryRaw<{ outcome: string; n: number }[]>`
    SELECT CASE WHEN a.status_code BETWEEN 200 AND 299 THEN 'acknowledged' WHEN a.status_code IS NULL THEN 'no_answer' ELSE 'refused' END AS outcome,
      count(*)::int AS n
    FROM delivery_attempt a JOIN (SELECT id FROM delivery ORDER BY created_at DESC LIMIT 1000) d ON d.id = a.delivery_id
    GROUP BY 1`) {
    attempts.set({ outcome: row.outcome }, row.n);
  }

  const depth = gauge('paygate_queue_jobs', 'Jobs per queue and state (pg-boss)', ['queue', 'state']);
  const age = gauge('paygate_queue_oldest_waiting_seconds', 'Age of the oldest job waiting to run, per queue', ['queue']);
  for (const row of await db.$queryRaw<{ queue: string; state: string; n: number; oldest: number | null }[]>`
    SELECT name AS queue, state::text, count(*)::int AS n,
      extract(epoch FROM now() - min(created_on) FILTER (WHERE state IN ('created', 'retry') AND start_after <= now()))::float8 AS oldest
    FROM pgboss.job WHERE state IN ('created', 'retry', 'active', 'failed') GROUP BY name, state`) {
    depth.set({ queue: row.queue, state: row.state }, row.n);
    if (row.oldest !== null) age.set({ queue: row.queue }, Math.max(Number(row.oldest), 0));
  }
  const [risk] = await db.$queryRaw<{ lag: number | null }[]>`
    SELECT extract(epoch FROM now() - min(created_on))::float8 AS lag FROM pgboss.job
    WHERE name = ${jobs.risk.name} AND state IN ('created', 'retry', 'active')`;
  gauge('paygate_risk_lag_seconds', 'How long the oldest payment event not yet judged by risk has waited (0: none waiting)').set(
    Number(risk.lag ?? 0),
  );

  const runs = gauge('paygate_scheduler_runs', 'Runs of the scheduled chores kept by pg-boss, by outcome', ['job', 'state']);
  const lastRun = gauge('paygate_scheduler_last_success_timestamp_seconds', 'When each scheduled chore last completed', ['job']);
  for (const row of await db.$queryRaw<{ job: string; state: string; n: number; last: number | null }[]>`
    SELECT name AS job, state::text, count(*)::int AS n, extract(epoch FROM max(completed_on))::float8 AS last
    FROM pgboss.job WHERE name = ANY(${chores}) GROUP BY name, state`) {
    runs.set({ job: row.job, state: row.state }, row.n);
    if (row.state === 'completed' && row.last !== null) lastRun.set({ job: row.job }, Number(row.last));
  }
  return registry;
}
