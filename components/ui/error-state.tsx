'use client';

import { AlertTriangleIcon, RotateCwIcon } from 'lucide-react';
import type { ComponentProps, ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { Button } from '@/components/ui/button';

type ErrorStateProps = Omit<ComponentProps<'div'>, 'title'> & {
  title?: ReactNode;
  /** The error; its message is shown (the API's messages are written for people). */
  error?: unknown;
  /** Shows a "Try again" button; a react-query `refetch` fits. */
  onRetry?: () => unknown;
  retrying?: boolean;
};

function messageOf(error: unknown): string | null {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return null;
}

/** Said instead of a list, chart or page that failed to load, with a way to try again. */
export function ErrorState({ title = 'This could not be loaded', error, onRetry, retrying, className, ...props }: ErrorStateProps) {
  const message = messageOf(error);
  return (
    <div
      data-slot="error-state"
      role="alert"
      className={cn('flex flex-col items-center justify-center gap-2 px-4 py-10 text-center', className)}
      {...props}
    >
      <AlertTriangleIcon aria-hidden className="size-8 text-destructive" />
      <p className="font-medium">{title}</p>
      {message && <p className="max-w-md break-words text-sm text-muted-foreground">{message}</p>}
      {onRetry && (
        <Button variant="outline" size="sm" className="mt-2" onClick={() => onRetry()} loading={retrying}>
          {!retrying && <RotateCwIcon aria-hidden />}
          Try again
        </Button>
      )}
    </div>
  );
}
