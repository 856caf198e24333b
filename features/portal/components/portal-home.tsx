'use client';

import { TimeSeriesChart } from '@/components/charts/time-series-chart';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { StatCard } from '@/components/ui/stat-card';
import { Time } from '@/components/ui/time';
import { formatMoney } from '@/lib/format/format-money';
import { formatCount, formatPercent } from '@/lib/format/format-number';
import { DeliveryHealthBadge } from '@/features/console-risk/merchants/components/delivery-health-badge';
import { deliveryHealthLevel } from '@/features/console-risk/merchants/delivery-health';
import { FigureList } from '@/features/console-risk/shared/components/figure-list';
import { formatVolume } from '@/features/console-risk/shared/volume';
import { useMerchant } from '@/features/merchants/api/get-merchant';
import { usePortalSummary } from '../api/get-portal-summary';
import { chartCurrency, hourlyVolume } from '../hourly-volume';

/** The merchant's home: today and 7 days, an hourly chart, and how its webhooks are doing, live. */
export function PortalHome({ merchantId }: { merchantId: string }) {
  const merchant = useMerchant(merchantId);
  const summary = usePortalSummary(merchantId);
  const data = summary.data;
  const currency = data ? chartCurrency(data.series.points) : 'CNY';
  const level =
    data &&
    deliveryHealthLevel(data.deliveries, {
      endpointDisabledAt: data.endpoint.disabledAt,
      endpointFailingSince: data.endpoint.failingSince,
    });
  return (
    <>
      <PageHeader
        title={merchant.data?.name ?? 'Home'}
        description={data ? `Today is ${data.today.date} (${data.timeZone}). Figures follow your payments as they arrive.` : undefined}
      />
      {summary.isError && !data ? (
        <ErrorState error={summary.error} onRetry={() => summary.refetch()} retrying={summary.isRefetching} />
      ) : (
        <div className="flex flex-col gap-6">
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" data-testid="portal-figures">
            <StatCard
              label="Paid today"
              value={data && formatVolume(data.today.volume)}
              note={data && `${formatCount(data.today.paid)} payments`}
            />
            <StatCard
              label="Paid, last 7 days"
              value={data && formatVolume(data.last7Days.volume)}
              note={data && `${formatCount(data.last7Days.paid)} payments`}
            />
            <StatCard
              label="Dead letters"
              value={data && formatCount(data.deliveries.deadLetters)}
              tone={data && data.deliveries.deadLetters > 0 ? 'danger' : 'neutral'}
              note="Webhooks that ran out of retries"
              href="/portal/deliveries?status=failed"
            />
            <StatCard
              label="Arrived first try, 7 days"
              value={
                data &&
                (data.deliveries.firstAttempts7d > 0
                  ? formatPercent(data.deliveries.firstAttemptSucceeded7d, data.deliveries.firstAttempts7d)
                  : '—')
              }
              note={data && `of ${formatCount(data.deliveries.firstAttempts7d)} webhooks`}
            />
          </div>
          <Card>
            <CardHeader>
              <CardTitle>Paid per hour, last 7 days</CardTitle>
              <CardDescription>In {currency}, on the business clock.</CardDescription>
            </CardHeader>
            <CardContent>
              <TimeSeriesChart
                label={`Amount paid per hour in ${currency}, last 7 days`}
                data={data && hourlyVolume(data.series.points, currency)}
                series={[{ key: 'amount', label: 'Paid' }]}
                variant="area"
                formatValue={(value) => formatMoney(value, currency, { notation: 'compact' })}
                isLoading={!data}
                emptyTitle="No payments in the last 7 days"
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Webhook delivery</CardTitle>
              <CardDescription className="break-all font-mono text-xs">{data?.endpoint.notifyUrl}</CardDescription>
            </CardHeader>
            <CardContent className="flex flex-col gap-4" data-testid="portal-delivery-health">
              {level && <DeliveryHealthBadge level={level} />}
              {data?.endpoint.disabledAt && (
                <p className="text-sm text-destructive">
                  Deliveries stopped <Time value={data.endpoint.disabledAt} />: {data.endpoint.disabledReason}. Save a notify URL that
                  passes its test in Developer settings to start them again.
                </p>
              )}
              {data && (
                <FigureList
                  figures={[
                    { label: 'Pending', value: formatCount(data.deliveries.pending) },
                    { label: 'Failing since', value: <Time value={data.endpoint.failingSince} fallback="Not failing" /> },
                    { label: 'Last success', value: <Time value={data.endpoint.lastSuccessAt} /> },
                    { label: 'Last failure', value: <Time value={data.endpoint.lastFailureAt} /> },
                    {
                      label: 'Failed attempts, 24 h',
                      value: `${formatCount(data.endpoint.failedAttempts24h)} of ${formatCount(data.endpoint.attempts24h)}`,
                    },
                  ]}
                />
              )}
            </CardContent>
          </Card>
        </div>
      )}
    </>
  );
}
