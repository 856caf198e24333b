'use client';

import { formatDateTime, formatExactInstant, type DateTimeStyle } from '@/lib/format/format-date-time';
import { formatRelativeTime } from '@/lib/format/format-relative-time';
import { toDate, type Instant } from '@/lib/format/to-date';
import { cn } from '@/lib/cn';
import { useBusinessTimeZone } from '@/components/ui/business-time-zone';
import { useInsideLink } from '@/components/ui/inside-link';
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip';
import { useNow } from '@/components/ui/use-now';

type TimeProps = {
  /** An ISO string, epoch milliseconds or Date; null or undefined shows `fallback`. */
  value: Instant | null | undefined;
  /** How much of the business time to show: 'datetime' (default), 'minute', 'date', 'time', 'precise'. */
  format?: DateTimeStyle;
  /** Show "5 minutes ago" (kept current) instead; the business time is then in the tooltip. */
  relative?: boolean;
  fallback?: string;
  className?: string;
};

/**
 * A point in time on the business clock (SETTLEMENT_TIMEZONE), with the exact instant (milliseconds, zone, offset,
 * UTC) on hover and on keyboard focus. Inside a link row it is not a tab stop of its own.
 */
export function Time({ value, format = 'datetime', relative = false, fallback = '—', className }: TimeProps) {
  const timeZone = useBusinessTimeZone();
  const insideLink = useInsideLink();
  if (value === null || value === undefined) return <span className={cn('text-muted-foreground', className)}>{fallback}</span>;
  const date = toDate(value);
  const exact = formatExactInstant(date, timeZone);
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <time
          dateTime={date.toISOString()}
          tabIndex={insideLink ? undefined : 0}
          // A relative time rendered on the server is a few seconds older than the browser's.
          suppressHydrationWarning={relative}
          className={cn(
            'whitespace-nowrap tabular-nums underline decoration-dotted decoration-muted-foreground/40 underline-offset-4 focus-visible:rounded-sm focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50',
            className,
          )}
        >
          {relative ? <RelativeText date={date} /> : formatDateTime(date, timeZone, format)}
        </time>
      </TooltipTrigger>
      <TooltipContent className="max-w-sm font-mono">{relative ? `${formatDateTime(date, timeZone)} · ${exact}` : exact}</TooltipContent>
    </Tooltip>
  );
}

/** Its own component so that only relative times re-render as the clock moves. */
function RelativeText({ date }: { date: Date }) {
  return formatRelativeTime(date, useNow());
}
