import { formatDateTime } from '@/lib/format/format-date-time';
import type { Instant } from '@/lib/format/to-date';

const DAY_MS = 86_400_000;

/**
 * A time-axis tick on the business clock, as short as the chart's span allows: "14:05" within a day,
 * "03-01 14:05" within a week, "2026-03-01" beyond.
 */
export function formatTimeTick(instant: Instant, timeZone: string, spanMs: number): string {
  if (spanMs <= DAY_MS) return formatDateTime(instant, timeZone, 'minute').slice(11);
  if (spanMs <= 7 * DAY_MS) return formatDateTime(instant, timeZone, 'minute').slice(5);
  return formatDateTime(instant, timeZone, 'date');
}
