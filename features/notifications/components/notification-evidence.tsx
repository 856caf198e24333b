'use client';

import { useState } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { useNotification } from '../api/get-notification';

const pre = 'max-h-72 overflow-auto whitespace-pre-wrap break-all rounded-md border bg-muted/40 p-3 font-mono text-xs';

/** What a provider sent, behind a disclosure: its headers and raw body, fetched when opened. */
export function NotificationEvidence({ id }: { id: string }) {
  const [open, setOpen] = useState(false);
  const { data, error, isError, refetch } = useNotification(id, { enabled: open });
  return (
    <details className="mt-1 text-sm" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="w-fit cursor-pointer rounded-sm text-primary underline-offset-4 hover:underline focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
        Raw body and headers
      </summary>
      <div className="mt-2 flex flex-col gap-2" data-testid="notification-evidence">
        {isError ? (
          <ErrorState error={error} onRetry={() => refetch()} className="py-4" />
        ) : !data ? (
          <Skeleton className="h-24 w-full" />
        ) : (
          <>
            <pre className={pre}>
              {Object.entries(data.headers)
                .map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
                .join('\n')}
            </pre>
            <pre className={pre}>{data.rawBody}</pre>
          </>
        )}
      </div>
    </details>
  );
}
