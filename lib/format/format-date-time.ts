import { toDate, type Instant } from '@/lib/format/to-date';
import { zonedParts, zoneOffsetMinutes } from '@/lib/format/zoned-parts';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export type DateTimeStyle = 'datetime' | 'date' | 'time' | 'minute' | 'precise';

/**
 * An instant as the business zone's wall clock, written the way the people who read it write it:
 * 'datetime' "2026-03-01 14:05:09" (the default), 'minute' "2026-03-01 14:05", 'date' "2026-03-01",
 * 'time' "14:05:09", 'precise' "2026-03-01 14:05:09.123".
 */
export function formatDateTime(instant: Instant, timeZone: string, style: DateTimeStyle = 'datetime'): string {
  const p = zonedParts(toDate(instant), timeZone);
  const date = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  const time = `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
  switch (style) {
    case 'date':
      return date;
    case 'time':
      return time;
    case 'minute':
      return `${date} ${pad(p.hour)}:${pad(p.minute)}`;
    case 'precise':
      return `${date} ${time}.${pad(p.millisecond, 3)}`;
    default:
      return `${date} ${time}`;
  }
}

/** The zone's offset as "UTC+08:00". */
export function formatZoneOffset(instant: Instant, timeZone: string): string {
  const offset = zoneOffsetMinutes(toDate(instant), timeZone);
  const sign = offset < 0 ? '-' : '+';
  const magnitude = Math.abs(offset);
  return `UTC${sign}${pad(Math.floor(magnitude / 60))}:${pad(magnitude % 60)}`;
}

/** The exact instant, for a tooltip or a copy: "2026-03-01 14:05:09.123 (Asia/Shanghai, UTC+08:00) · 2026-03-01T06:05:09.123Z". */
export function formatExactInstant(instant: Instant, timeZone: string): string {
  const date = toDate(instant);
  return `${formatDateTime(date, timeZone, 'precise')} (${timeZone}, ${formatZoneOffset(date, timeZone)}) · ${date.toISOString()}`;
}
