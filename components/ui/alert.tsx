import { cva, type VariantProps } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';

export const alertVariants = cva(
  'relative grid w-full grid-cols-[0_1fr] items-start gap-y-0.5 rounded-lg border px-4 py-3 text-sm has-[>svg]:grid-cols-[calc(var(--spacing)*4)_1fr] has-[>svg]:gap-x-3 [&>svg]:size-4 [&>svg]:translate-y-0.5 [&>svg]:text-current',
  {
    variants: {
      tone: {
        neutral: 'bg-card text-card-foreground',
        info: 'border-info/30 bg-info/5 text-foreground [&>svg]:text-info',
        success: 'border-success/30 bg-success/5 text-foreground [&>svg]:text-success',
        warning: 'border-warning/40 bg-warning/10 text-foreground [&>svg]:text-warning',
        danger: 'border-destructive/40 bg-destructive/5 text-foreground [&>svg]:text-destructive',
      },
    },
    defaultVariants: { tone: 'neutral' },
  },
);

type AlertProps = ComponentProps<'div'> & VariantProps<typeof alertVariants>;

/**
 * A banner: `<Alert tone="danger"><ShieldAlertIcon /><AlertTitle/><AlertDescription/><AlertAction/></Alert>` (the
 * blocked-merchant notice, a paused live view, a failed save). Danger and warning banners are announced (role="alert").
 */
export function Alert({ className, tone, role, ...props }: AlertProps) {
  const urgent = tone === 'danger' || tone === 'warning';
  return (
    <div data-slot="alert" role={role ?? (urgent ? 'alert' : 'status')} className={cn(alertVariants({ tone }), className)} {...props} />
  );
}

export function AlertTitle({ className, ...props }: ComponentProps<'div'>) {
  return <div data-slot="alert-title" className={cn('col-start-2 min-h-4 font-medium', className)} {...props} />;
}

export function AlertDescription({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      data-slot="alert-description"
      className={cn('col-start-2 grid justify-items-start gap-1 text-sm text-muted-foreground [&_p]:leading-relaxed', className)}
      {...props}
    />
  );
}

/** Buttons at the banner's end ("Show 12 new", "Retry"); below the text on a phone. */
export function AlertAction({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      data-slot="alert-action"
      className={cn('col-start-2 mt-2 flex flex-wrap gap-2 sm:absolute sm:right-3 sm:top-1/2 sm:mt-0 sm:-translate-y-1/2', className)}
      {...props}
    />
  );
}
