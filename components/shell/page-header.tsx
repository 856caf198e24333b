import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

type PageHeaderProps = {
  /** The page's one h1. */
  title: ReactNode;
  description?: ReactNode;
  /** Buttons on the right (below the title on a phone): "Block", "Redeliver all matching", "Export CSV". */
  actions?: ReactNode;
  /** Above the title: a back link or breadcrumbs. */
  eyebrow?: ReactNode;
  className?: string;
};

/** A page's title, what it is for, and its actions. */
export function PageHeader({ title, description, actions, eyebrow, className }: PageHeaderProps) {
  return (
    <div className={cn('mb-6 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between', className)}>
      <div className="flex min-w-0 flex-col gap-1">
        {eyebrow && <div className="text-sm text-muted-foreground">{eyebrow}</div>}
        <h1 className="truncate text-2xl font-semibold tracking-tight">{title}</h1>
        {description && <p className="max-w-prose text-sm text-muted-foreground">{description}</p>}
      </div>
      {actions && <div className="flex shrink-0 flex-wrap gap-2">{actions}</div>}
    </div>
  );
}
