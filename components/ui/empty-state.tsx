import type { ComponentProps, ReactNode } from 'react';
import { InboxIcon, type LucideIcon } from 'lucide-react';
import { cn } from '@/lib/cn';

type EmptyStateProps = Omit<ComponentProps<'div'>, 'title'> & {
  title: ReactNode;
  description?: ReactNode;
  icon?: LucideIcon;
  /** What to do next: "Clear filters", "Create a merchant". */
  action?: ReactNode;
};

/** Said instead of an empty list or chart: what is missing and, if it helps, what to do. */
export function EmptyState({ title, description, icon: Icon = InboxIcon, action, className, ...props }: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn('flex flex-col items-center justify-center gap-2 px-4 py-10 text-center', className)}
      {...props}
    >
      <Icon aria-hidden className="size-8 text-muted-foreground/70" />
      <p className="font-medium">{title}</p>
      {description && <p className="max-w-sm text-sm text-muted-foreground">{description}</p>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}
