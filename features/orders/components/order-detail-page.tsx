'use client';

import { ArrowLeftIcon, FlagIcon } from 'lucide-react';
import Link from 'next/link';
import { useMemo } from 'react';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { DetailList } from '@/components/ui/detail-list';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { Time } from '@/components/ui/time';
import { formatMoney } from '@/lib/format/format-money';
import { formatStatus } from '@/lib/format/format-status';
import { useMayCall, useSection } from '@/components/shell/section-context';
import { getNotificationOperation } from '@/contracts/notifications';
import { useMerchant } from '@/features/merchants/api/get-merchant';
import { usePayment } from '../api/get-payment';
import { usePaymentTimeline } from '../api/get-payment-timeline';
import { buildOrderStory } from '../build-order-story';
import { OrderStory } from './order-story';

const mono = (value: string | null) =>
  value ? <span className="font-mono text-xs">{value}</span> : <span className="text-muted-foreground">—</span>;

/**
 * One order: what it is now, then everything that happened to it as one timeline, live. In the portal the API leaves
 * out risk internals, and the providers' raw messages (staff-only) are not offered.
 */
export function OrderDetailPage({ id }: { id: string }) {
  const { base, audience } = useSection();
  const showEvidence = useMayCall(getNotificationOperation);
  const payment = usePayment(id);
  const timeline = usePaymentTimeline(id);
  const merchant = useMerchant(payment.data?.merchantId);
  const merchantName = merchant.data?.name;
  const story = useMemo(
    () => (timeline.data ? buildOrderStory(timeline.data.entries, payment.data?.refunds, base) : undefined),
    [timeline.data, payment.data?.refunds, base],
  );
  const back = (
    <Link
      href={`${base}/orders`}
      className="inline-flex items-center gap-1 rounded-sm hover:text-foreground focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
    >
      <ArrowLeftIcon aria-hidden className="size-3.5" />
      Orders
    </Link>
  );
  if (payment.isError)
    return (
      <>
        <PageHeader title="Order" eyebrow={back} />
        <ErrorState error={payment.error} onRetry={() => payment.refetch()} retrying={payment.isRefetching} />
      </>
    );
  const p = payment.data;
  return (
    <>
      <PageHeader
        eyebrow={back}
        title={p ? p.outTradeNo : <Skeleton className="h-8 w-48" />}
        description={p ? [formatMoney(p.amount, p.currency), merchantName].filter(Boolean).join(' · ') : undefined}
        actions={p && <StatusBadge status={p.status} className="text-sm" />}
      />
      {p?.flaggedReason && (
        <Alert tone="warning" className="mb-4">
          <FlagIcon aria-hidden />
          <AlertTitle>Flagged</AlertTitle>
          <AlertDescription>{p.flaggedReason}</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Payment</CardTitle>
            </CardHeader>
            <CardContent>
              {p ? (
                <DetailList
                  items={[
                    { label: 'Amount', value: <span className="tabular-nums">{formatMoney(p.amount, p.currency)}</span> },
                    { label: 'Refunded', value: <span className="tabular-nums">{formatMoney(p.refundedAmount, p.currency)}</span> },
                    {
                      label: 'Merchant',
                      value:
                        audience === 'staff' ? (
                          <Link href={`/console/merchants/${p.merchantId}`} className="text-primary underline-offset-4 hover:underline">
                            {merchantName ?? p.merchantId}
                          </Link>
                        ) : (
                          (merchantName ?? p.merchantId)
                        ),
                    },
                    { label: 'Provider', value: formatStatus(p.provider) },
                    { label: 'Payment id', value: mono(p.id) },
                    { label: 'outTradeNo', value: mono(p.outTradeNo) },
                    { label: 'providerTradeNo', value: mono(p.providerTradeNo) },
                    { label: "Provider's transaction id", value: mono(p.providerTransactionId) },
                    { label: 'Created', value: <Time value={p.createdAt} /> },
                    { label: 'Paid', value: <Time value={p.paidAt} /> },
                    { label: 'Expires', value: <Time value={p.expiresAt} /> },
                    { label: 'Payer · device', value: [p.payer, p.device].filter(Boolean).join(' · ') || '—' },
                  ]}
                />
              ) : (
                <Skeleton className="h-48 w-full" />
              )}
            </CardContent>
          </Card>
          {p && p.attempts.length > 0 && (
            <Card>
              <CardHeader>
                <CardTitle>Attempts</CardTitle>
                <CardDescription>Each order placed at a provider, under a providerTradeNo of ours.</CardDescription>
              </CardHeader>
              <CardContent className="flex flex-col gap-4">
                {p.attempts.map((attempt) => (
                  <div key={attempt.id} className="flex flex-col gap-2 rounded-md border p-3">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <span className="font-mono text-xs">{attempt.providerTradeNo}</span>
                      <StatusBadge status={attempt.status} />
                    </div>
                    <DetailList
                      items={[
                        {
                          label: 'Provider',
                          value: `${formatStatus(attempt.provider)}${attempt.isPaidAttempt ? ' · the paid attempt' : ''}`,
                        },
                        { label: 'Amount', value: formatMoney(attempt.amount, attempt.currency) },
                        {
                          label: 'Status queries',
                          value: `${attempt.queryCount}${attempt.lastProviderState ? ` · last said ${attempt.lastProviderState}` : ''}`,
                        },
                        { label: 'Next query', value: <Time value={attempt.nextQueryAt} /> },
                      ]}
                    />
                    {attempt.failureReason && <p className="text-sm text-destructive">{attempt.failureReason}</p>}
                  </div>
                ))}
              </CardContent>
            </Card>
          )}
        </div>
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>Timeline</CardTitle>
            <CardDescription>
              {audience === 'staff'
                ? "Attempts, provider notifications (rejected ones too), status queries, state changes, deliveries with every attempt, risk, refunds and people's actions. Live."
                : "Attempts, provider notifications, status queries, state changes, webhooks with every attempt, refunds and people's actions. Live."}
            </CardDescription>
          </CardHeader>
          <CardContent>
            {timeline.isError ? (
              <ErrorState error={timeline.error} onRetry={() => timeline.refetch()} retrying={timeline.isRefetching} />
            ) : !story ? (
              <div className="flex flex-col gap-3">
                {Array.from({ length: 5 }, (_, index) => (
                  <Skeleton key={index} className="h-10 w-full" />
                ))}
              </div>
            ) : story.length === 0 ? (
              <EmptyState title="Nothing has happened to this order yet" />
            ) : (
              <>
                <OrderStory items={story} showEvidence={showEvidence} />
                {timeline.data?.truncated && (
                  <p className="text-sm text-muted-foreground">
                    Some kinds of entry had more than 500 rows: the oldest 500 of each are shown.
                  </p>
                )}
              </>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
