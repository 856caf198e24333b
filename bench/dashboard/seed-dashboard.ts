// Fills a migrated database with the dashboard benchmark's data (seed-statements.ts), then does what production does
// with it: the worker's compaction of the aggregates, and the statistics and visibility map autovacuum would keep.
// Reusable by any benchmark that needs a realistic database (the merchant portal's requests, say).
import pg from 'pg';
import type { Db } from '@/lib/db/prisma';
import { settleDueDays } from '@/server/settlements/settle-due-days';
import { compactDashboardStats } from '@/server/stats/compact-dashboard-stats';
import {
  attemptChunk,
  deliveryChunk,
  exchangeChunk,
  ledgerStatements,
  merchantStatements,
  notificationChunk,
  paymentChunk,
  rejectedNotificationStatements,
  riskStatements,
  statusChangeChunk,
  type SeedOptions,
} from './seed-statements';

const paymentsPerStatement = 100_000;

export type SeedTimings = { step: string; seconds: number; rows: number }[];

export async function seedDashboard({
  databaseUrl,
  db,
  options,
  log,
}: {
  databaseUrl: string;
  db: Db;
  options: SeedOptions;
  log: (line: string) => void;
}) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const timings: SeedTimings = [];
  const run = async (step: string, statements: string[]) => {
    const started = performance.now();
    let rows = 0;
    for (const statement of statements) {
      try {
        rows += (await client.query(statement)).rowCount ?? 0;
      } catch (error) {
        throw new Error(`seed step ${step} failed: ${String(error)}\n${statement}`, { cause: error });
      }
    }
    const seconds = (performance.now() - started) / 1000;
    timings.push({ step, seconds, rows });
    log(`seed: ${step}: ${rows.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s`);
  };
  const days = Array.from({ length: options.days + 1 }, (_, dayAgo) => dayAgo);
  try {
    // The same data for the same options; durability is not what is measured, and nothing here needs it.
    await client.query(`SELECT setseed(0.42)`);
    await client.query(`SET synchronous_commit = off`);
    // One transaction, so every statement's now() is the same instant and the day-by-day chunks below meet exactly.
    await client.query('BEGIN');
    await run('merchants', merchantStatements(options));
    const chunks = [];
    for (let from = 1; from <= options.payments; from += paymentsPerStatement) {
      chunks.push(paymentChunk(options, from, Math.min(options.payments, from + paymentsPerStatement - 1)));
    }
    await run('payments (rows: their attempts)', chunks);
    await run('ledger entries', ledgerStatements());
    await run('provider exchanges', days.map(exchangeChunk));
    await run('state changes', days.map(statusChangeChunk));
    await run('deliveries', days.map(deliveryChunk));
    await run('delivery attempts', days.map(attemptChunk));
    await run('notifications', [...days.map(notificationChunk), ...rejectedNotificationStatements(options)]);
    await run('risk evaluations, alerts, audit trail', riskStatements(options));
    await client.query('COMMIT');
    const started = performance.now();
    await compactDashboardStats({ db });
    timings.push({ step: 'compaction', seconds: (performance.now() - started) / 1000, rows: 0 });
    // The settle pass of production, over every ended business day: a day per transaction.
    const settling = performance.now();
    const settled = await settleDueDays({ db, limit: options.days + 2 });
    const settlements = settled.reduce((sum, day) => sum + day.settlementIds.length, 0);
    timings.push({ step: 'settlements (settle pass)', seconds: (performance.now() - settling) / 1000, rows: settlements });
    log(`seed: settlements: ${settlements.toLocaleString('en-US')} rows over ${settled.length} days`);
    await run('vacuum analyze', ['VACUUM (ANALYZE)']);
  } finally {
    await client.end();
  }
  return timings;
}
