// The settle pass (DESIGN §3 settlements): from the ledger by booking time, per merchant and business day of
// SETTLEMENT_TIMEZONE, fees rounded half up, sandbox money left out, net = gross − refunds − fees (may be negative).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeSettlements } from '@/server/settlements/compute-settlements';
import { checkSettledDays } from '@/server/settlements/check-settled-days';
import { recomputeSettlements } from '@/server/settlements/recompute-settlements';
import { settleDay } from '@/server/settlements/settle-day';
import { settleDueDays } from '@/server/settlements/settle-due-days';
import { businessDate } from '@/lib/format/business-date';
import { makePayment } from '@/prisma/seed/factories';
import { attemptOf, bookAt, feeMerchant, payNow, refundNow } from '@/tests/helpers/ledger-facts';
import { paySandboxAndNotify } from '@/tests/helpers/sandbox-provider';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp({ SETTLEMENT_TIMEZONE: 'Asia/Shanghai', SETTLEMENT_DELAY_SECONDS: '600' });
const zone = 'Asia/Shanghai';

const rowsOf = async (merchantId: string) =>
  (await app.db.settlement.findMany({ where: { merchantId }, orderBy: { day: 'asc' } })).map((row) => ({
    date: row.day.toISOString().slice(0, 10),
    gross: Number(row.grossAmount),
    refunds: Number(row.refundAmount),
    fees: Number(row.feeAmount),
    net: Number(row.netAmount),
    payments: row.paymentCount,
    refundCount: row.refundCount,
  }));

describe('settling a business day', () => {
  test('6000 ppm: 83 fen pays no fee, 84 fen pays 1 fen; sandbox test payments are left out; refunds return their fee', async () => {
    const shop = await feeMerchant(app.db, 6_000);
    await payNow(app.db, shop.id, 83);
    await payNow(app.db, shop.id, 84);
    const big = await payNow(app.db, shop.id, 10_000);
    await refundNow(app.db, big, 3_333);
    // A sandbox payment of the same merchant, paid through the sandbox and its callback: booked, never settled.
    const sandbox = await makePayment(app.db, { merchantId: shop.id, provider: 'sandbox', amount: 50_000 });
    await paySandboxAndNotify(app.db, sandbox.id);
    assert.equal(await app.db.ledgerEntry.count({ where: { paymentId: sandbox.id, sandbox: true } }), 2);

    const today = businessDate(new Date(), zone);
    const settled = await settleDay({ db: app.db, date: today, timeZone: zone });
    assert.equal(settled.outcome, 'settled');
    // fee(83) = 0, fee(84) = 1, fee(10000) = 60; the refund of 3333 returns fee(10000) − fee(6667) = 60 − 40 = 20.
    assert.deepEqual(await rowsOf(shop.id), [
      { date: today, gross: 10_167, refunds: 3_333, fees: 41, net: 10_167 - 3_333 - 41, payments: 3, refundCount: 1 },
    ]);
    const again = await settleDay({ db: app.db, date: today, timeZone: zone });
    assert.deepEqual([again.outcome, again.settlementIds], ['already_settled', []]);
    assert.equal(await app.db.settlement.count({ where: { merchantId: shop.id } }), 1);
  });

  test('day boundaries are the business zone’s midnights: 23:59:59.999 and 00:00:00.000 China time fall on two days', async () => {
    const shop = await feeMerchant(app.db, 6_000);
    const attempt = await attemptOf(app.db, shop.id);
    await bookAt(app.db, attempt, [
      { kind: 'payment', amount: 100, at: new Date('2026-02-28T16:00:00.000Z') }, // 2026-03-01 00:00:00.000 +08
      { kind: 'payment', amount: 200, at: new Date('2026-03-01T15:59:59.999Z') }, // 2026-03-01 23:59:59.999 +08
      { kind: 'payment', amount: 400, at: new Date('2026-03-01T16:00:00.000Z') }, // 2026-03-02 00:00:00.000 +08
      { kind: 'payment', amount: 800, at: new Date('2026-02-28T15:59:59.999Z') }, // 2026-02-28 23:59:59.999 +08
    ]);
    for (const date of ['2026-02-28', '2026-03-01', '2026-03-02']) await settleDay({ db: app.db, date, timeZone: zone });
    assert.deepEqual(
      (await rowsOf(shop.id)).map((row) => [row.date, row.gross, row.payments]),
      [
        ['2026-02-28', 800, 1],
        ['2026-03-01', 300, 2],
        ['2026-03-02', 400, 1],
      ],
    );
    // The same instants by UTC days: the zone, not the server's clock, draws the line.
    const utc = await computeSettlements({ db: app.db, from: '2026-02-28', to: '2026-03-02', timeZone: 'UTC', merchantId: shop.id });
    assert.deepEqual(
      utc.map((row) => [row.date, Number(row.grossAmount)]),
      [
        ['2026-02-28', 900],
        ['2026-03-01', 600],
      ],
    );
  });

  test('a day of refunds for payments of an earlier day has a negative net (its fees too), and a recompute matches it', async () => {
    const shop = await feeMerchant(app.db, 6_000);
    const attempt = await attemptOf(app.db, shop.id, 10_000);
    await bookAt(app.db, attempt, [
      { kind: 'payment', amount: 10_000, at: new Date('2026-04-01T02:00:00Z') },
      { kind: 'fee', amount: 60, at: new Date('2026-04-01T02:00:00Z') },
      { kind: 'refund', amount: 10_000, at: new Date('2026-04-02T03:00:00Z') },
      { kind: 'fee_return', amount: 60, at: new Date('2026-04-02T03:00:00Z') },
    ]);
    await settleDay({ db: app.db, date: '2026-04-01', timeZone: zone });
    await settleDay({ db: app.db, date: '2026-04-02', timeZone: zone });
    assert.deepEqual(await rowsOf(shop.id), [
      { date: '2026-04-01', gross: 10_000, refunds: 0, fees: 60, net: 9_940, payments: 1, refundCount: 0 },
      { date: '2026-04-02', gross: 0, refunds: 10_000, fees: -60, net: -9_940, payments: 0, refundCount: 1 },
    ]);
    const check = await recomputeSettlements({ db: app.db, input: { from: '2026-04-01', to: '2026-04-02', merchantId: shop.id } });
    assert.deepEqual([check.settledDays, check.rowsCompared, check.matching, check.differences], [2, 2, 2, []]);
  });

  test('a stored row that no longer matches the ledger is reported and raised once, and left as it was', async () => {
    const shop = await feeMerchant(app.db, 6_000);
    const attempt = await attemptOf(app.db, shop.id);
    await bookAt(app.db, attempt, [{ kind: 'payment', amount: 500, at: new Date('2026-05-01T04:00:00Z') }]);
    await settleDay({ db: app.db, date: '2026-05-01', timeZone: zone });
    // A fact booked into the settled day afterwards (as a transaction begun before midnight and committed late would).
    await bookAt(app.db, attempt, [{ kind: 'payment', amount: 7, at: new Date('2026-05-01T15:59:59Z') }]);
    const input = { from: '2026-05-01', to: '2026-05-01', merchantId: shop.id };
    const check = await recomputeSettlements({ db: app.db, input });
    assert.equal(check.differences.length, 1);
    const [difference] = check.differences;
    assert.deepEqual([difference.stored?.grossAmount, difference.computed?.grossAmount], [500, 507]);
    const alert = await app.db.riskAlert.findUniqueOrThrow({ where: { id: difference.alertId! } });
    assert.deepEqual([alert.kind, alert.merchantId, alert.status], ['settlement_mismatch', shop.id, 'open']);
    const twice = await recomputeSettlements({ db: app.db, input });
    assert.equal(twice.differences[0].alertId, null, 'the live alert is not raised again');
    assert.equal(await app.db.riskAlert.count({ where: { kind: 'settlement_mismatch', merchantId: shop.id } }), 1);
    assert.equal((await rowsOf(shop.id))[0].gross, 500);
  });

  test('a later pass checks each settled day against the ledger once, and raises a late fact’s difference', async () => {
    const shop = await feeMerchant(app.db, 6_000);
    const attempt = await attemptOf(app.db, shop.id);
    await bookAt(app.db, attempt, [{ kind: 'payment', amount: 900, at: new Date('2026-06-01T04:00:00Z') }]);
    await settleDay({ db: app.db, date: '2026-06-01', timeZone: zone });
    await bookAt(app.db, attempt, [{ kind: 'payment', amount: 1, at: new Date('2026-06-01T15:59:59.999Z') }]);
    const day = await app.db.settlementDay.findUniqueOrThrow({ where: { day: new Date('2026-06-01T00:00:00Z') } });
    // Not before a settle delay has passed since the day was settled.
    const early = await checkSettledDays({ db: app.db, now: new Date(day.settledAt.getTime() + 599_000) });
    assert.ok(!early.some((checked) => checked.date === '2026-06-01'));
    const later = new Date(day.settledAt.getTime() + 600_000);
    const checked = (await checkSettledDays({ db: app.db, now: later })).find((each) => each.date === '2026-06-01');
    assert.deepEqual([checked?.differences, checked?.alertIds.length], [1, 1]);
    const alert = await app.db.riskAlert.findUniqueOrThrow({ where: { id: checked!.alertIds[0] } });
    assert.deepEqual([alert.kind, alert.merchantId], ['settlement_mismatch', shop.id]);
    assert.deepEqual(
      (await app.db.settlementDay.findUniqueOrThrow({ where: { day: day.day } })).checkedAt?.toISOString(),
      later.toISOString(),
    );
    const again = await checkSettledDays({ db: app.db, now: new Date(later.getTime() + 600_000) });
    assert.ok(!again.some((each) => each.date === '2026-06-01'), 'a day is checked once');
  });

  test('the pass settles every ended day after the last settled one, only once its delay has passed, empty days too', async () => {
    const latest = await app.db.settlementDay.findFirstOrThrow({ orderBy: { day: 'desc' } });
    const next = new Date(latest.day.getTime() + 86_400_000).toISOString().slice(0, 10);
    // Just after midnight China time of the day after `next`: `next` ended, but not its delay ago.
    const midnight = new Date(`${next}T16:00:00Z`);
    assert.deepEqual(await settleDueDays({ db: app.db, now: new Date(midnight.getTime() + 599_000), limit: 5 }), []);
    const days = await settleDueDays({ db: app.db, now: new Date(midnight.getTime() + 600_000), limit: 5 });
    assert.deepEqual(
      days.map((day) => [day.date, day.outcome]),
      [[next, 'settled']],
    );
    assert.equal((await app.db.settlementDay.findUniqueOrThrow({ where: { day: new Date(`${next}T00:00:00Z`) } })).rowCount, 0);
  });
});
