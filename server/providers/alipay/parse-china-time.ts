import { AppError } from '@/lib/errors';

const chinaTime = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/;

// Alipay writes 'yyyy-MM-dd HH:mm:ss' (gmt_refund adds '.SSS') in China time, UTC+8 all year.
export function parseChinaTime(value: string, field: string): Date {
  const match = chinaTime.exec(value);
  if (match !== null) {
    const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
    const millis = Number((match[7] ?? '').padEnd(3, '0'));
    // Date.UTC rolls 02-30 over to 03-01 instead of failing, so the day must survive the round trip.
    const dayExists = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
    if (month >= 1 && month <= 12 && dayExists && hour < 24 && minute < 60 && second < 60) {
      return new Date(Date.UTC(year, month - 1, day, hour - 8, minute, second, millis));
    }
  }
  throw new AppError('validation_failed', `${field} "${value.slice(0, 32)}" is not a time like 2024-01-31 23:59:59`);
}
