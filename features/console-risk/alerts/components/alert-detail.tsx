'use client';

import { ArrowLeftIcon } from 'lucide-react';
import Link from 'next/link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { Time } from '@/components/ui/time';
import { PageHeader } from '@/components/shell/page-header';
import { formatStatus } from '@/lib/format/format-status';
import { useAlert } from '@/features/console-risk/api/get-alert';
import { toAlertView, useRuleIndex } from '@/features/console-risk/alerts/use-alert-view';
import { useWindowPayments } from '@/features/console-risk/alerts/use-window-payments';
import { FigureList } from '@/features/console-risk/shared/components/figure-list';
import { MerchantName } from '@/features/console-risk/shared/components/merchant-name';
import { AlertChart } from './alert-chart';
import { AlertDecisions } from './alert-decisions';
import { ContributingPayments } from './contributing-payments';
import { DecisionHistory } from './decision-history';
import { SeverityBadge } from './severity-badge';

const back = (
  <Link href="/console/alerts" className="inline-flex items-center gap-1 hover:text-foreground">
    <ArrowLeftIcon aria-hidden className="size-4" />
    Alerts
  </Link>
);

/** One alert: its evidence as figures and as a chart, the payments behind it, the decisions and their history. */
export function AlertDetail({ alertId }: { alertId: string }) {
  const query = useAlert(alertId);
  const rules = useRuleIndex();
  const alert = query.data ? toAlertView(query.data, rules) : null;
  const windowPayments = useWindowPayments(alert?.merchantId ?? null, alert?.read.span ?? null);
  if (query.error && !alert)
    return (
      <>
        <PageHeader eyebrow={back} title="Alert" />
        <ErrorState error={query.error} onRetry={() => query.refetch()} retrying={query.isRefetching} />
      </>
    );
  if (!alert)
    return (
      <>
        <PageHeader eyebrow={back} title={<Skeleton className="h-8 w-64" />} />
        <Skeleton className="h-72 w-full" />
      </>
    );
  const title = alert.rule?.name ?? formatStatus(alert.kind);
  const { read } = alert;
  return (
    <>
      <PageHeader eyebrow={back} title={title} description={read.summary} actions={<AlertDecisions alert={alert} />} />
      <div className="flex flex-col gap-6">
        <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="alert-status">
          <SeverityBadge severity={alert.severity} />
          <StatusBadge status={alert.status} />
          <span className="text-muted-foreground">
            Opened <Time value={alert.openedAt} relative />
          </span>
          {alert.merchantId && (
            <Link href={`/console/merchants/${alert.merchantId}`} className="font-medium text-primary underline-offset-4 hover:underline">
              <MerchantName merchantId={alert.merchantId} />
            </Link>
          )}
        </div>
        <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <Card>
            <CardHeader>
              <CardTitle>Evidence</CardTitle>
              <CardDescription>
                {alert.read.window
                  ? "The merchant's window sum, minute by minute, against its own baseline and the threshold."
                  : 'The figures the alert was raised on.'}
              </CardDescription>
            </CardHeader>
            <CardContent className="flex flex-col gap-6">
              {read.window && (
                <AlertChart
                  window={read.window}
                  payments={windowPayments.payments}
                  range={windowPayments.range}
                  currency={read.currency}
                  ruleName={alert.rule?.name}
                  isLoading={windowPayments.isLoading}
                />
              )}
              {windowPayments.truncated && (
                <p className="text-sm text-muted-foreground">Drawn from the first 1,000 payments around the window.</p>
              )}
              <FigureList
                label="Evidence figures"
                figures={[
                  ...read.figures,
                  { label: 'Hits folded into this alert', value: alert.hitCount },
                  { label: 'First hit', value: <Time value={alert.firstEventAt} format="precise" /> },
                  { label: 'Last hit', value: <Time value={alert.lastEventAt} format="precise" /> },
                  ...(read.span ? [{ label: 'Window from', value: <Time value={read.span.windowStart} format="precise" /> }] : []),
                ]}
              />
            </CardContent>
          </Card>
          <DecisionHistory alert={alert} />
        </div>
        <section className="flex flex-col gap-3" aria-labelledby="contributing">
          <h2 id="contributing" className="text-lg font-semibold">
            Contributing payments
          </h2>
          {read.span ? (
            <ContributingPayments
              payments={windowPayments.payments}
              windowStart={read.span.windowStart}
              paidAt={read.span.paidAt}
              crossingPaymentId={alert.paymentId}
              isLoading={windowPayments.isLoading}
              error={windowPayments.error}
            />
          ) : alert.paymentId ? (
            <p className="text-sm">
              The payment{' '}
              <Link href={`/console/orders/${alert.paymentId}`} className="font-mono text-primary underline-offset-4 hover:underline">
                {alert.paymentId}
              </Link>
            </p>
          ) : (
            <p className="text-sm text-muted-foreground">This alert names no payment of ours.</p>
          )}
        </section>
      </div>
    </>
  );
}
