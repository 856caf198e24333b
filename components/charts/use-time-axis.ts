'use client';

import { useMemo } from 'react';
import { formatDateTime } from '@/lib/format/format-date-time';
import { formatTimeTick } from '@/lib/format/format-time-tick';
import { toDate, type Instant } from '@/lib/format/to-date';
import { useBusinessTimeZone } from '@/components/ui/business-time-zone';

/**
 * Points with their time as epoch milliseconds (`__x`) for a numeric time axis, and tick and tooltip formatters on
 * the business clock.
 */
export function useTimeAxis<TPoint extends { time: Instant }>(data: readonly TPoint[]) {
  const timeZone = useBusinessTimeZone();
  return useMemo(() => {
    const points = data.map((point) => ({ ...point, __x: toDate(point.time).getTime() }));
    const span = points.length > 1 ? points[points.length - 1].__x - points[0].__x : 0;
    return {
      points,
      timeZone,
      formatTick: (value: number) => formatTimeTick(value, timeZone, Math.abs(span)),
      formatTooltipTime: (value: unknown) => (typeof value === 'number' ? formatDateTime(value, timeZone, 'minute') : String(value)),
    };
  }, [data, timeZone]);
}
