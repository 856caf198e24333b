import type { Db } from '@/lib/db/prisma';
import { computeSettlements } from './compute-settlements';

type SettleDay = { db: Db; date: string; timeZone: string };

export type DaySettled = { date: string; outcome: 'settled' | 'already_settled'; settlementIds: string[] };

/**
 * Settles one business day in one transaction: its mark first (a second worker on the same day waits on the mark's
 * key, then finds it taken and does nothing), then every merchant's rows from the ledger. A worker killed half-way
 * leaves neither mark nor rows, so the day is simply settled by the next pass.
 */
export async function settleDay({ db, date, timeZone }: SettleDay): Promise<DaySettled> {
  return db.$transaction(
    async (tx) => {
      const marked = await tx.$executeRaw`
      INSERT INTO settlement_day (day, time_zone, row_count) VALUES (${date}::date, ${timeZone}, 0) ON CONFLICT (day) DO NOTHING`;
      if (marked === 0) return { date, outcome: 'already_settled', settlementIds: [] };
      const figures = await computeSettlements({ db: tx, from: date, to: date, timeZone });
      const rows = await tx.settlement.createManyAndReturn({
        data: figures.map(({ date: day, ...row }) => ({ ...row, day: new Date(`${day}T00:00:00Z`) })),
        select: { id: true },
      });
      await tx.settlementDay.update({ where: { day: new Date(`${date}T00:00:00Z`) }, data: { rowCount: rows.length } });
      return { date, outcome: 'settled', settlementIds: rows.map((row) => row.id) };
    },
    // A big day takes a while, and a second worker on it waits for the first to commit.
    { maxWait: 10_000, timeout: 300_000 },
  );
}
