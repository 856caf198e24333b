import { zonedParts, zoneOffsetMinutes } from '@/lib/format/zoned-parts';

const wallClock = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/**
 * The instant at which the zone's clocks show a wall-clock time ("2026-03-02" is its midnight, "2026-03-02T09:30"),
 * e.g. for a date filter typed in business time: ("2026-03-02", "Asia/Shanghai") → 2026-03-01T16:00:00.000Z.
 * Like Temporal's "compatible" choice: a time repeated when clocks go back is its first occurrence, a time skipped
 * when they go forward is moved forward by the gap. Returns null for text that is not a valid date and time.
 */
export function zonedTimeToInstant(text: string, timeZone: string): Date | null {
  const match = wallClock.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match
    .slice(1, 7)
    .map((part) => (part === undefined ? undefined : Number(part)));
  const ms = Number((match[7] ?? '0').padEnd(3, '0'));
  if (year === undefined || month === undefined || day === undefined) return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  // The offset depends on the instant we are looking for: guess with the offset at the wall-clock time read as UTC,
  // then correct once with the offset at the guess.
  const guess = asUtc - zoneOffsetMinutes(new Date(asUtc), timeZone) * 60_000;
  const corrected = asUtc - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  const shown = zonedParts(new Date(corrected), timeZone);
  const exists = shown.hour === hour && shown.minute === minute && shown.day === day;
  return new Date(exists ? corrected : Math.max(guess, corrected));
}
