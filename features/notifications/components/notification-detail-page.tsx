'use client';

import { ArrowLeftIcon } from 'lucide-react';
import Link from 'next/link';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { DetailList } from '@/components/ui/detail-list';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { Time } from '@/components/ui/time';
import { formatStatus } from '@/lib/format/format-status';
import { useNotification } from '../api/get-notification';
import { outcomeTones, providerLabels } from '../notification-filters';

const pre = 'max-h-96 overflow-auto whitespace-pre-wrap break-all rounded-md border bg-muted/40 p-3 font-mono text-xs';

const back = (
  <Link
    href="/console/notifications"
    className="inline-flex items-center gap-1 rounded-sm hover:text-foreground focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
  >
    <ArrowLeftIcon aria-hidden className="size-3.5" />
    Notifications
  </Link>
);

/** One inbox entry: its verdict, the payment it concerns, and exactly what the provider sent. */
export function NotificationDetailPage({ id }: { id: string }) {
  const { data, error, isError, refetch, isRefetching } = useNotification(id);
  if (isError)
    return (
      <>
        <PageHeader title="Notification" eyebrow={back} />
        <ErrorState error={error} onRetry={() => refetch()} retrying={isRefetching} />
      </>
    );
  if (!data)
    return (
      <>
        <PageHeader eyebrow={back} title={<Skeleton className="h-8 w-56" />} />
        <Skeleton className="h-72 w-full" />
      </>
    );
  const headers = Object.entries(data.headers)
    .map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('\n');
  return (
    <>
      <PageHeader
        eyebrow={back}
        title={`${providerLabels[data.provider] ?? data.provider} ${data.kind} ${data.source === 'query' ? 'query answer' : 'callback'}`}
        description={<span className="font-mono text-xs">{data.id}</span>}
        actions={<StatusBadge status={data.outcome} tone={outcomeTones[data.outcome]} className="self-center text-sm" />}
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Card>
          <CardHeader>
            <CardTitle>Verdict</CardTitle>
          </CardHeader>
          <CardContent>
            <DetailList
              items={[
                { label: 'Outcome', value: formatStatus(data.outcome) },
                { label: 'Reason', value: data.reason ?? '—' },
                {
                  label: 'Payment',
                  value: data.paymentId ? (
                    <Link
                      href={`/console/orders/${data.paymentId}`}
                      className="font-mono text-xs text-primary underline-offset-4 hover:underline"
                    >
                      {data.paymentId}
                    </Link>
                  ) : (
                    '—'
                  ),
                },
                { label: "Provider's notification id", value: data.notificationId ?? '—' },
                { label: 'Copies received', value: data.receivedCount },
                { label: 'First received', value: <Time value={data.receivedAt} format="precise" /> },
                { label: 'Last received', value: <Time value={data.lastReceivedAt} format="precise" /> },
              ]}
            />
          </CardContent>
        </Card>
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>As received</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            <pre className={pre} aria-label="Headers">
              {headers}
            </pre>
            <pre className={pre} aria-label="Raw body" data-testid="notification-raw-body">
              {data.rawBody}
            </pre>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
