import type { Db } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { addDays } from '@/lib/format/add-days';
import { businessDate } from '@/lib/format/business-date';
import { settleDay, type DaySettled } from './settle-day';

type SettleDueDays = {
  db: Db;
  now?: Date;
  /** The business time zone and how long after a day's end it is settled; from the environment by default. */
  timeZone?: string;
  delaySeconds?: number;
  /** At most this many days per pass (a gateway catching up settles the rest in the next passes). */
  limit?: number;
};

/**
 * The `settle` scheduler's pass: every business day that ended at least `delaySeconds` ago and is not settled yet,
 * oldest first, each in its own transaction. The delay lets transactions that began before midnight (their money
 * facts are booked at their start) commit before their day is read. The first day is the one after the last settled
 * day, or on a fresh gateway the day of the first money fact.
 */
export async function settleDueDays({ db, now = new Date(), timeZone, delaySeconds, limit = 62 }: SettleDueDays) {
  const env = getEnv();
  const zone = timeZone ?? env.SETTLEMENT_TIMEZONE;
  const lastDue = addDays(businessDate(new Date(now.getTime() - (delaySeconds ?? env.SETTLEMENT_DELAY_SECONDS) * 1000), zone), -1);
  const first = await firstUnsettledDay(db, zone);
  const days: DaySettled[] = [];
  for (let date = first; date !== null && date <= lastDue && days.length < limit; date = addDays(date, 1)) {
    days.push(await settleDay({ db, date, timeZone: zone }));
  }
  return days;
}

async function firstUnsettledDay(db: Db, timeZone: string): Promise<string | null> {
  const [latest] = await db.$queryRaw<{ day: string | null }[]>`SELECT to_char(max(day), 'YYYY-MM-DD') AS day FROM settlement_day`;
  if (latest.day !== null) return addDays(latest.day, 1);
  const [first] = await db.$queryRaw<{ day: string | null }[]>`
    SELECT to_char((min(booked_at) AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS day FROM ledger_entry WHERE NOT sandbox`;
  return first.day;
}
