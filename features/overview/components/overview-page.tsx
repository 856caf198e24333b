'use client';

import { BarChart } from '@/components/charts/bar-chart';
import { TimeSeriesChart } from '@/components/charts/time-series-chart';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { StatCard } from '@/components/ui/stat-card';
import { formatDuration } from '@/lib/format/format-duration';
import { formatMoney } from '@/lib/format/format-money';
import { formatCount } from '@/lib/format/format-number';
import { parseAsInteger, useQueryState } from 'nuqs';
import { useOverview } from '../api/get-overview';
import { callbackOutcomes, formatShare, ordersPerMinute, providerSeries, todayByStatus } from '../overview-charts-data';

const hourChoices = [1, 3, 6, 12, 24];
const countSeries = [{ key: 'count', label: 'Count' }];

/** The console's home: today, orders per minute, delivery and callback health, alerts and blocked merchants, live. */
export function OverviewPage() {
  const [hours, setHours] = useQueryState('hours', parseAsInteger.withDefault(6));
  const chosen = hourChoices.includes(hours) ? hours : 6;
  const { data, error, isError, refetch, isRefetching } = useOverview(chosen);
  if (isError && !data)
    return (
      <>
        <PageHeader title="Overview" />
        <ErrorState error={error} onRetry={() => refetch()} retrying={isRefetching} />
      </>
    );
  const today = data?.today;
  const deliveries = data?.deliveries;
  const callbacks = data?.callbacks;
  const volume = today && (today.volume.length ? today.volume.map((v) => formatMoney(v.amount, v.currency)).join(' · ') : formatMoney(0));
  const sinceToday = today ? `/console/orders?since=${encodeURIComponent(today.since)}` : undefined;
  return (
    <>
      <PageHeader title="Overview" description={today ? `Business day ${today.date} (${data.timeZone}). Live.` : 'Today, live.'} />
      <section aria-label="Today" className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <StatCard label="Paid today" value={volume} note={today && `${formatCount(today.paid)} payments`} href={sinceToday} />
        <StatCard
          label="Orders today"
          value={today && formatCount(today.orders)}
          note={today && `${formatCount(today.byStatus.pending)} pending`}
          href={sinceToday}
        />
        <StatCard label="Success rate" value={today && formatShare(today.successRate)} note="of today's orders that are final" />
        <StatCard
          label="Open alerts"
          value={data && formatCount(data.alerts.open)}
          note={data && `${formatCount(data.alerts.acknowledged)} acknowledged`}
          href="/console/alerts"
          tone={data && data.alerts.open > 0 ? 'danger' : 'neutral'}
        />
        <StatCard
          label="Blocked merchants"
          value={data && formatCount(data.merchants.blocked)}
          note={data && `of ${formatCount(data.merchants.total)} · ${formatCount(data.merchants.endpointsDisabled)} endpoints off`}
          href="/console/merchants?status=blocked"
          tone={data && data.merchants.blocked > 0 ? 'warning' : 'neutral'}
        />
        <StatCard
          label="Dead letters"
          value={deliveries && formatCount(deliveries.deadLetters)}
          note={deliveries && `${formatCount(deliveries.pending)} waiting to retry`}
          href="/console/deliveries?status=failed"
          tone={deliveries && deliveries.deadLetters > 0 ? 'danger' : 'neutral'}
        />
      </section>

      <Card className="mt-6">
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
          <div className="flex flex-col gap-1.5">
            <CardTitle>Orders per minute</CardTitle>
            <CardDescription>Created, by provider, on the business clock.</CardDescription>
          </div>
          <Select value={String(chosen)} onValueChange={(value) => void setHours(Number(value))}>
            <SelectTrigger className="w-36" aria-label="Chart range">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {hourChoices.map((choice) => (
                <SelectItem key={choice} value={String(choice)}>
                  Last {choice} {choice === 1 ? 'hour' : 'hours'}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </CardHeader>
        <CardContent>
          <TimeSeriesChart
            label="Orders created per minute by provider"
            data={data && ordersPerMinute(data, 'created')}
            series={providerSeries}
            variant="area"
            stacked
            isLoading={!data}
            height={260}
          />
        </CardContent>
      </Card>

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>Delivery health</CardTitle>
            <CardDescription>Webhooks to merchants, last {deliveries?.windowMinutes ?? 60} minutes.</CardDescription>
          </CardHeader>
          <CardContent className="grid grid-cols-2 gap-3">
            <StatCard
              label="First-attempt success"
              value={deliveries && formatShare(deliveries.firstAttemptSuccessRate)}
              note={deliveries && `of ${formatCount(deliveries.firstAttempts)}`}
            />
            <StatCard
              label="p95 latency"
              value={deliveries && (deliveries.p95DeliveryMs === null ? '—' : `≤ ${formatDuration(deliveries.p95DeliveryMs)}`)}
              note="payment → merchant's 2xx"
            />
            <StatCard
              label="Delivered"
              value={deliveries && formatCount(deliveries.delivered)}
              href="/console/deliveries?status=delivered"
            />
            <StatCard label="Pending" value={deliveries && formatCount(deliveries.pending)} href="/console/deliveries?status=pending" />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Provider callbacks</CardTitle>
            <CardDescription>
              {callbacks ? `${callbacks.perMinute.toFixed(1)} a minute over the last ${callbacks.windowMinutes} minutes.` : 'Inbound.'}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <BarChart
              label="Provider callbacks by outcome"
              data={data && callbackOutcomes(data)}
              series={countSeries}
              layout="horizontal"
              isLoading={!data}
              height={200}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Today&apos;s orders</CardTitle>
            <CardDescription>By where they are now.</CardDescription>
          </CardHeader>
          <CardContent>
            <BarChart
              label="Today's orders by status"
              data={data && todayByStatus(data)}
              series={countSeries}
              isLoading={!data}
              height={200}
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
