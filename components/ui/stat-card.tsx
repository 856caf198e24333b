import Link from 'next/link';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { Skeleton } from '@/components/ui/skeleton';

type StatCardProps = {
  label: string;
  /** The figure; a skeleton while undefined. */
  value: ReactNode | undefined;
  /** A line under it: "of 1,204 final", "last 60 min". */
  note?: ReactNode;
  /** Where the figure's rows are (dead letters → the filtered deliveries): the whole card is then a link. */
  href?: string;
  tone?: 'neutral' | 'danger' | 'warning' | 'success';
  className?: string;
};

const toneClass = { neutral: '', danger: 'text-destructive', warning: 'text-warning-foreground', success: 'text-success' };

/** One figure of an overview, with what it counts; a link to its rows where they have a page. */
export function StatCard({ label, value, note, href, tone = 'neutral', className }: StatCardProps) {
  const body = (
    <>
      <p className="text-xs font-medium text-muted-foreground">{label}</p>
      <div className={cn('text-2xl font-semibold tabular-nums tracking-tight', toneClass[tone])}>
        {value === undefined ? <Skeleton className="my-1 h-7 w-24" /> : value}
      </div>
      {note && <p className="text-xs text-muted-foreground">{note}</p>}
    </>
  );
  const frame = 'flex min-w-0 flex-col gap-1 rounded-lg border bg-card p-4 text-card-foreground';
  if (!href) return <div className={cn(frame, className)}>{body}</div>;
  return (
    <Link
      href={href}
      className={cn(
        frame,
        'outline-none transition-colors hover:bg-accent/50 focus-visible:ring-[3px] focus-visible:ring-ring/50',
        className,
      )}
    >
      {body}
    </Link>
  );
}
