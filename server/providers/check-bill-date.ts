import { AppError } from '@/lib/errors';

/** A bill is asked for by its business day, yyyy-MM-dd in China time, and the day must exist. */
export function checkBillDate(date: string): void {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const day = match === null ? null : new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (day === null || day.toISOString().slice(0, 10) !== date) {
    throw new AppError('validation_failed', `bill date "${date.slice(0, 16)}" is not a day like 2026-03-01`);
  }
}
