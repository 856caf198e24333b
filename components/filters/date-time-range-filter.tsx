'use client';

import { CalendarClockIcon } from 'lucide-react';
import { useId } from 'react';
import { addDays } from '@/lib/format/add-days';
import { businessDate } from '@/lib/format/business-date';
import { formatDateTime } from '@/lib/format/format-date-time';
import { zonedTimeToInstant } from '@/lib/format/zoned-time-to-instant';
import { instantFilter } from '@/components/filters/filter-parsers';
import { useFilterParam } from '@/components/filters/use-filter-param';
import { FilterLabel } from '@/components/filters/filter-label';
import { useBusinessTimeZone } from '@/components/ui/business-time-zone';
import { Button } from '@/components/ui/button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { Input } from '@/components/ui/input';

type DateTimeRangeFilterProps = { sinceParam?: string; untilParam?: string; label?: string };

type Range = { since: Date | null; until: Date | null };

/** Quick ranges on the business clock: "Today" starts at the business day's midnight, not the browser's. */
function presets(timeZone: string, now: Date): { label: string; range: Range }[] {
  const today = businessDate(now, timeZone);
  const midnight = (date: string) => zonedTimeToInstant(date, timeZone);
  const ago = (ms: number) => new Date(now.getTime() - ms);
  return [
    { label: 'Last 15 minutes', range: { since: ago(15 * 60_000), until: null } },
    { label: 'Last hour', range: { since: ago(3_600_000), until: null } },
    { label: 'Today', range: { since: midnight(today), until: null } },
    { label: 'Yesterday', range: { since: midnight(addDays(today, -1)), until: midnight(today) } },
    { label: 'Last 7 days', range: { since: midnight(addDays(today, -6)), until: null } },
    { label: 'Last 30 days', range: { since: midnight(addDays(today, -29)), until: null } },
  ];
}

/**
 * A from–to time range typed on the business clock (SETTLEMENT_TIMEZONE, whatever the browser's zone) and kept in
 * the URL as UTC instants (`?since=…&until=…`), with quick ranges.
 */
export function DateTimeRangeFilter({ sinceParam = 'since', untilParam = 'until', label = 'Time' }: DateTimeRangeFilterProps) {
  const id = useId();
  const timeZone = useBusinessTimeZone();
  const [since, setSince] = useFilterParam(sinceParam, instantFilter);
  const [until, setUntil] = useFilterParam(untilParam, instantFilter);
  const asInput = (date: Date | null) => (date ? formatDateTime(date, timeZone, 'minute').replace(' ', 'T') : '');
  const set = (range: Partial<Range>) => {
    if (range.since !== undefined) setSince(range.since);
    if (range.until !== undefined) setUntil(range.until);
  };
  const field = (key: 'since' | 'until', value: Date | null, word: string) => (
    <Input
      type="datetime-local"
      aria-label={`${label} ${word} (${timeZone})`}
      value={asInput(value)}
      className="w-full sm:w-48"
      onChange={(event) => set({ [key]: event.target.value === '' ? null : zonedTimeToInstant(event.target.value, timeZone) })}
    />
  );
  return (
    <div role="group" aria-labelledby={id} className="grid gap-1.5">
      <FilterLabel>
        <span id={id}>
          {label} <span className="font-normal">({timeZone})</span>
        </span>
      </FilterLabel>
      <div className="flex flex-col gap-1.5 sm:flex-row sm:items-center">
        {field('since', since, 'from')}
        <span aria-hidden className="hidden text-muted-foreground sm:inline">
          –
        </span>
        {field('until', until, 'to')}
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="outline" className="self-start sm:size-9 sm:px-0">
              <CalendarClockIcon />
              <span className="sm:sr-only">Quick ranges</span>
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            {presets(timeZone, new Date()).map((preset) => (
              <DropdownMenuItem key={preset.label} onSelect={() => set(preset.range)}>
                {preset.label}
              </DropdownMenuItem>
            ))}
            <DropdownMenuItem onSelect={() => set({ since: null, until: null })}>Any time</DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
    </div>
  );
}
