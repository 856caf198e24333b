import { businessDate } from '@/lib/format/business-date';
import { zonedTimeToInstant } from '@/lib/format/zoned-time-to-instant';

/** The business day an instant falls on, and the instant it began (its midnight in the business zone). */
export function businessToday(now: Date, timeZone: string): { date: string; since: Date } {
  const date = businessDate(now, timeZone);
  const since = zonedTimeToInstant(date, timeZone);
  if (!since) throw new Error(`no midnight for ${date} in ${timeZone}`);
  return { date, since };
}
