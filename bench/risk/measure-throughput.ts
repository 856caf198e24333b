import { randomInt } from 'node:crypto';
import type pg from 'pg';
import { PgBoss } from 'pg-boss';
import { eventFor } from './background-load';

type Measure = { databaseUrl: string; sql: pg.Pool; backlog: number; merchants: string[]; log: (line: string) => void };

/**
 * Sustained events/s per subscriber: a backlog of `backlog` events in each of the three queues at once (all three
 * subscribers share the one worker process and the 2 cores, as in production), timed until each queue is drained.
 */
export async function measureThroughput({ databaseUrl, sql, backlog, merchants, log }: Measure) {
  await drain(sql, ['risk', 'campaign', 'promotion']);
  const boss = new PgBoss({ connectionString: databaseUrl, max: 3, supervise: false, schedule: false, migrate: false });
  await boss.start();
  for (let sent = 0; sent < backlog; sent += 1_000) {
    const jobs = Array.from({ length: Math.min(1_000, backlog - sent) }, () => ({
      data: eventFor(merchants[randomInt(merchants.length)]),
    }));
    await Promise.all(['risk', 'campaign', 'promotion'].map((queue) => boss.insert(queue, jobs)));
  }
  await boss.stop({ graceful: false, close: true });
  const start = Date.now();
  const finished: Record<string, number> = {};
  while (Object.keys(finished).length < 3) {
    const { rows } = await sql.query(
      `SELECT name, count(*) FILTER (WHERE state < 'completed')::int AS left FROM pgboss.job WHERE name IN ('risk','campaign','promotion') GROUP BY name`,
    );
    for (const row of rows) if (row.left === 0 && !(row.name in finished)) finished[row.name] = (Date.now() - start) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  log(`backlog of ${backlog} per queue drained: ${JSON.stringify(finished)}`);
  return Object.fromEntries(Object.entries(finished).map(([queue, seconds]) => [queue, Math.round(backlog / seconds)]));
}

async function drain(sql: pg.Pool, queues: string[]) {
  for (;;) {
    const { rows } = await sql.query(`SELECT count(*)::int AS left FROM pgboss.job WHERE name = ANY($1) AND state < 'completed'`, [queues]);
    if (rows[0].left === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
