'use client';

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { Time } from '@/components/ui/time';
import { formatCount, formatPercent } from '@/lib/format/format-number';
import { useMerchantSummary } from '@/features/console-risk/api/get-merchant';
import { deliveryHealthLevel } from '@/features/console-risk/merchants/delivery-health';
import { FigureList } from '@/features/console-risk/shared/components/figure-list';
import { formatVolume } from '@/features/console-risk/shared/volume';
import { DeliveryHealthBadge } from './delivery-health-badge';

/** Volume, endpoint health and delivery health of one merchant. */
export function MerchantFigures({ merchantId }: { merchantId: string }) {
  const summary = useMerchantSummary(merchantId);
  if (summary.error && !summary.data) return <ErrorState error={summary.error} onRetry={() => summary.refetch()} />;
  if (!summary.data) return <Skeleton className="h-48 w-full" />;
  const { endpoint, deliveries, today, last7Days, openAlerts } = summary.data;
  const level = deliveryHealthLevel(deliveries, { endpointDisabledAt: endpoint.disabledAt, endpointFailingSince: endpoint.failingSince });
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card>
        <CardHeader>
          <CardTitle>Volume</CardTitle>
          <CardDescription>Paid today ({today.date}) and over 7 days.</CardDescription>
        </CardHeader>
        <CardContent>
          <FigureList
            figures={[
              { label: 'Today', value: formatVolume(today.volume) },
              { label: 'Paid today', value: formatCount(today.paid) },
              { label: '7 days', value: formatVolume(last7Days.volume) },
              { label: 'Paid in 7 days', value: formatCount(last7Days.paid) },
              { label: 'Open alerts', value: openAlerts === null ? '—' : formatCount(openAlerts) },
            ]}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Endpoint health</CardTitle>
          <CardDescription className="break-all font-mono text-xs">{endpoint.notifyUrl}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <DeliveryHealthBadge level={level} />
          {endpoint.disabledAt && (
            <p className="text-sm text-destructive">
              Disabled <Time value={endpoint.disabledAt} />: {endpoint.disabledReason}
            </p>
          )}
          <FigureList
            figures={[
              { label: 'Failing since', value: <Time value={endpoint.failingSince} fallback="Not failing" /> },
              { label: 'Last success', value: <Time value={endpoint.lastSuccessAt} /> },
              { label: 'Last failure', value: <Time value={endpoint.lastFailureAt} /> },
              {
                label: 'Failed attempts, 24 h',
                value: `${formatCount(endpoint.failedAttempts24h)} of ${formatCount(endpoint.attempts24h)}`,
              },
            ]}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Deliveries</CardTitle>
          <CardDescription>What waits now, and first attempts over 7 days.</CardDescription>
        </CardHeader>
        <CardContent>
          <FigureList
            figures={[
              { label: 'Pending', value: formatCount(deliveries.pending) },
              { label: 'Dead letters', value: formatCount(deliveries.deadLetters) },
              { label: 'First attempts, 7 days', value: formatCount(deliveries.firstAttempts7d) },
              {
                label: 'Arrived first try',
                value: deliveries.firstAttempts7d > 0 ? formatPercent(deliveries.firstAttemptSucceeded7d, deliveries.firstAttempts7d) : '—',
              },
            ]}
          />
        </CardContent>
      </Card>
    </div>
  );
}
