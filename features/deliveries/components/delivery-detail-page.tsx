'use client';

import { ArrowLeftIcon } from 'lucide-react';
import Link from 'next/link';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { DetailList } from '@/components/ui/detail-list';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { Time } from '@/components/ui/time';
import { useMayCall, useSection } from '@/components/shell/section-context';
import { redeliverOperation } from '@/contracts/deliveries';
import { formatDuration } from '@/lib/format/format-duration';
import { useMerchant } from '@/features/merchants/api/get-merchant';
import { useDelivery } from '../api/get-delivery';
import { webhookRequestHeaders } from '../webhook-request-headers';
import { RedeliverButton } from './redeliver-button';

const pre = 'max-h-80 overflow-auto whitespace-pre-wrap break-all rounded-md border bg-muted/40 p-3 font-mono text-xs';

/** One delivery: what was sent (headers and body) and every attempt with the merchant's answer. */
export function DeliveryDetailPage({ id }: { id: string }) {
  const { base, audience } = useSection();
  const mayRedeliver = useMayCall(redeliverOperation);
  const { data, error, isError, refetch, isRefetching } = useDelivery(id);
  const merchant = useMerchant(data?.merchantId);
  const back = (
    <Link
      href={`${base}/deliveries`}
      className="inline-flex items-center gap-1 rounded-sm hover:text-foreground focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
    >
      <ArrowLeftIcon aria-hidden className="size-3.5" />
      Deliveries
    </Link>
  );
  if (isError)
    return (
      <>
        <PageHeader title="Delivery" eyebrow={back} />
        <ErrorState error={error} onRetry={() => refetch()} retrying={isRefetching} />
      </>
    );
  const body = data ? JSON.stringify(data.payload, null, 2) : '';
  return (
    <>
      <PageHeader
        eyebrow={back}
        title={data ? `Webhook ${data.eventType}` : <Skeleton className="h-8 w-56" />}
        description={data && <span className="font-mono text-xs">{data.id}</span>}
        actions={
          data && (
            <>
              <StatusBadge status={data.status} className="self-center text-sm" />
              {mayRedeliver && <RedeliverButton id={data.id} status={data.status} size="default" />}
            </>
          )
        }
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Delivery</CardTitle>
            </CardHeader>
            <CardContent>
              {data ? (
                <DetailList
                  items={[
                    {
                      label: 'Merchant',
                      value:
                        audience === 'staff' ? (
                          <Link href={`/console/merchants/${data.merchantId}`} className="text-primary underline-offset-4 hover:underline">
                            {merchant.data?.name ?? data.merchantId}
                          </Link>
                        ) : (
                          (merchant.data?.name ?? data.merchantId)
                        ),
                    },
                    {
                      label: 'Order',
                      value: (
                        <Link
                          href={`${base}/orders/${data.paymentId}`}
                          className="font-mono text-xs text-primary underline-offset-4 hover:underline"
                        >
                          {data.paymentId}
                        </Link>
                      ),
                    },
                    { label: 'Attempts', value: data.attemptCount },
                    { label: 'Next retry', value: data.status === 'pending' ? <Time value={data.nextAttemptAt} /> : '—' },
                    { label: 'Delivered', value: <Time value={data.deliveredAt} /> },
                    { label: 'Created', value: <Time value={data.createdAt} /> },
                    { label: 'Last error', value: data.lastError ?? '—' },
                  ]}
                />
              ) : (
                <Skeleton className="h-40 w-full" />
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Request body</CardTitle>
              <CardDescription>The same on every attempt.</CardDescription>
            </CardHeader>
            <CardContent>{data ? <pre className={pre}>{body}</pre> : <Skeleton className="h-40 w-full" />}</CardContent>
          </Card>
        </div>
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>Attempts</CardTitle>
            <CardDescription>Each POST to the merchant&apos;s notifyUrl and what came back.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            {!data ? (
              <Skeleton className="h-40 w-full" />
            ) : data.attempts.length === 0 ? (
              <EmptyState title="Not attempted yet" description="The first attempt is made as soon as a worker takes the delivery." />
            ) : (
              data.attempts.map((attempt) => (
                <section
                  key={attempt.attemptNumber}
                  id={`attempt-${attempt.attemptNumber}`}
                  aria-label={`Attempt ${attempt.attemptNumber}`}
                  className="flex scroll-mt-20 flex-col gap-3 rounded-md border p-3 target:ring-2 target:ring-ring"
                >
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <h3 className="font-medium">Attempt {attempt.attemptNumber}</h3>
                    <span className="flex items-center gap-3 text-sm tabular-nums">
                      <span className={attempt.statusCode !== null && attempt.statusCode < 300 ? 'text-success' : 'text-destructive'}>
                        {attempt.statusCode === null ? 'no answer' : `HTTP ${attempt.statusCode}`}
                      </span>
                      <span className="text-muted-foreground">{formatDuration(attempt.durationMs)}</span>
                      <Time value={attempt.startedAt} format="precise" className="text-muted-foreground" />
                    </span>
                  </div>
                  <div className="flex flex-col gap-1">
                    <p className="text-xs font-medium text-muted-foreground">Request</p>
                    <pre className={pre}>
                      {`POST ${attempt.url}\n`}
                      {webhookRequestHeaders(data.id, attempt.startedAt)
                        .map((header) => `${header.name}: ${header.value}${header.note ? `   (${header.note})` : ''}`)
                        .join('\n')}
                    </pre>
                  </div>
                  <div className="flex flex-col gap-1">
                    <p className="text-xs font-medium text-muted-foreground">Response</p>
                    <pre className={pre}>
                      {attempt.error ? attempt.error : attempt.responseExcerpt ? attempt.responseExcerpt : '(empty body)'}
                    </pre>
                  </div>
                </section>
              ))
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
