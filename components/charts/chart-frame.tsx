import { BarChart3Icon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { EmptyState } from '@/components/ui/empty-state';

type ChartFrameProps = {
  /** The chart's accessible name ("Orders per minute by provider"). */
  label: string;
  /** What the chart shows, in words, for screen readers (the figures a sighted reader takes from it). */
  summary?: string;
  height: number;
  isEmpty: boolean;
  emptyTitle?: ReactNode;
  emptyDescription?: ReactNode;
  className?: string;
  children: ReactNode;
};

/** A chart's figure: its name and summary for assistive technology, a fixed height, the empty state when no data. */
export function ChartFrame({
  label,
  summary,
  height,
  isEmpty,
  emptyTitle = 'No data for this range',
  emptyDescription,
  className,
  children,
}: ChartFrameProps) {
  return (
    <figure aria-label={label} data-slot="chart" className={cn('m-0 w-full min-w-0', className)} style={{ minHeight: height }}>
      {summary && <figcaption className="sr-only">{summary}</figcaption>}
      {isEmpty ? (
        <EmptyState icon={BarChart3Icon} title={emptyTitle} description={emptyDescription} style={{ height }} className="py-0" />
      ) : (
        <div style={{ height }} className="w-full">
          {children}
        </div>
      )}
    </figure>
  );
}
