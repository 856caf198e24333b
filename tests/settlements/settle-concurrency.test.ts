// Two workers settling the same days at once, and a worker killed with SIGKILL in the middle of a day: every day is
// settled once and whole, and what was settled equals a recompute from the ledger to the cent.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import pg from 'pg';
import { createPrisma } from '@/lib/db/prisma';
import { recomputeSettlements } from '@/server/settlements/recompute-settlements';
import { settleDueDays } from '@/server/settlements/settle-due-days';
import { attemptOf, bookAt, feeMerchant } from '@/tests/helpers/ledger-facts';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp({ SETTLEMENT_TIMEZONE: 'Asia/Shanghai', SETTLEMENT_DELAY_SECONDS: '600' });

/** Merchants with payments, fees and refunds on each day of a range. */
async function bookDays(first: string, count: number, merchants = 3) {
  const ids = [];
  for (let m = 0; m < merchants; m++) {
    const shop = await feeMerchant(app.db);
    ids.push(shop.id);
    const attempt = await attemptOf(app.db, shop.id);
    for (let d = 0; d < count; d++) {
      const noon = new Date(Date.parse(`${first}T04:00:00Z`) + d * 86_400_000);
      await bookAt(app.db, attempt, [
        { kind: 'payment', amount: 1_000 + m * 10 + d, at: noon },
        { kind: 'fee', amount: 6, at: noon },
        ...(d % 2 ? [{ kind: 'refund' as const, amount: 300, at: noon }] : []),
      ]);
    }
  }
  return ids;
}

const dayOf = (date: string) => new Date(`${date}T00:00:00Z`);

async function assertMatchesLedger(from: string, to: string, settledDays: number) {
  const check = await recomputeSettlements({ db: app.db, input: { from, to } });
  assert.deepEqual([check.settledDays, check.differences], [settledDays, []]);
  return check;
}

describe('settling with several workers', () => {
  test('two workers on the same days: each day settled by exactly one, rows once, equal to the ledger', async () => {
    await bookDays('2026-03-01', 6);
    const workers = [1, 2].map(() => createPrisma(process.env.DATABASE_URL!, 4));
    app.onStop(async () => void (await Promise.all(workers.map((db) => db.$disconnect()))));
    const now = new Date('2026-03-06T17:00:00Z'); // 01:00 on 03-07 China time: 03-01…03-06 have ended
    const results = await Promise.all(workers.map((db) => settleDueDays({ db, now })));
    const byDay = new Map<string, string[]>();
    for (const result of results) for (const day of result) byDay.set(day.date, [...(byDay.get(day.date) ?? []), day.outcome]);
    assert.equal(byDay.size, 6);
    for (const [date, outcomes] of byDay) {
      assert.equal(outcomes.filter((outcome) => outcome === 'settled').length, 1, `${date}: ${outcomes}`);
    }
    assert.equal(await app.db.settlement.count(), 18);
    const check = await assertMatchesLedger('2026-03-01', '2026-03-06', 6);
    assert.equal(check.matching, 18);
  });

  test('a worker killed with SIGKILL half-way through a day leaves that day unsettled and the days before it whole', async () => {
    const merchants = await bookDays('2026-03-07', 6);
    // Hold one of 03-09's rows in an open transaction: the worker settling 03-09 will have written the day's mark and
    // wait on that row, in the middle of its transaction, when it is killed.
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    app.onStop(() => blocker.end());
    await blocker.query('BEGIN');
    await blocker.query(
      `INSERT INTO settlement (id, merchant_id, day, currency, gross_amount, refund_amount, fee_amount, net_amount, payment_count, refund_count)
       VALUES (gen_random_uuid(), $1, '2026-03-09', 'CNY', 0, 0, 0, 0, 0, 0)`,
      [merchants.toSorted()[0]],
    );
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'settle-child.ts')], {
      env: { ...process.env, SETTLE_NOW: '2026-03-12T17:00:00Z', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // The worker's session waiting on a lock, in this database, is the one held up by our row.
    // (Read outside the blocker's transaction: a transaction sees one snapshot of pg_stat_activity.)
    const waiting = async (): Promise<number | undefined> =>
      (
        await app.db.$queryRaw<{ pid: number }[]>`
          SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
      )[0]?.pid;
    let pid: number | undefined;
    for (let tries = 0; (pid = await waiting()) === undefined; tries++) {
      assert.ok(tries < 600, 'the worker reached the held row');
      await sleep(50);
    }
    child.kill('SIGKILL');
    await exited;
    await blocker.query('ROLLBACK');
    // The server ends the dead worker's session (and rolls its transaction back) as soon as it finds the client gone.
    for (let tries = 0; ; tries++) {
      const [{ n }] = await app.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ${pid}`;
      if (n === 0) break;
      assert.ok(tries < 600, 'the killed worker’s session ended');
      await sleep(50);
    }
    const marked = (await app.db.settlementDay.findMany({ where: { day: { gte: dayOf('2026-03-07') } }, orderBy: { day: 'asc' } })).map(
      (day) => day.day.toISOString().slice(0, 10),
    );
    assert.deepEqual(marked, ['2026-03-07', '2026-03-08'], 'the days before the kill, and not the one in progress');
    assert.equal(await app.db.settlement.count({ where: { day: { gte: dayOf('2026-03-09') } } }), 0, 'no row of an unsettled day');
    await assertMatchesLedger('2026-03-07', '2026-03-12', 2);

    // The next pass settles the rest, whole.
    const rest = await settleDueDays({ db: app.db, now: new Date('2026-03-12T17:00:00Z') });
    assert.deepEqual(
      rest.map((day) => [day.date, day.outcome]),
      ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12'].map((date) => [date, 'settled']),
    );
    const check = await assertMatchesLedger('2026-03-07', '2026-03-12', 6);
    assert.equal(check.matching, 18);
  });
});
