import { formatDateTime } from '@/lib/format/format-date-time';
import type { Instant } from '@/lib/format/to-date';

/** The business day an instant falls on, as "YYYY-MM-DD" (the settlement day in the settlement zone). */
export function businessDate(instant: Instant, timeZone: string): string {
  return formatDateTime(instant, timeZone, 'date');
}
