import { toDate, type Instant } from '@/lib/format/to-date';

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'long' });
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/** How long ago (or ahead) an instant is, in its largest whole unit: "5 minutes ago", "in 2 hours", "now". */
export function formatRelativeTime(instant: Instant, now: Instant = Date.now()): string {
  const delta = toDate(instant).getTime() - toDate(now).getTime();
  const magnitude = Math.abs(delta);
  if (magnitude < 1_000) return 'now';
  for (const [unit, size] of units) {
    if (magnitude >= size) return relative.format(Math.trunc(delta / size), unit);
  }
  return 'now';
}

/** An age for dense lists (an alert's, a queued delivery's): "45s", "12m", "3h 5m", "4d 2h". */
export function formatAge(instant: Instant, now: Instant = Date.now()): string {
  const seconds = Math.max(0, Math.floor((toDate(now).getTime() - toDate(instant).getTime()) / 1_000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours}h ${minutes % 60}m` : `${hours}h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days}d ${hours % 24}h` : `${days}d`;
}
