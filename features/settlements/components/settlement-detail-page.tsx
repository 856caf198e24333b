'use client';

import { ArrowLeftIcon, CheckCircle2Icon } from 'lucide-react';
import Link from 'next/link';
import { useMemo } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import { useKeysetList } from '@/components/data-table/use-keyset-list';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { DetailList } from '@/components/ui/detail-list';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import type { Settlement } from '@/contracts/settlements';
import { formatMoney } from '@/lib/format/format-money';
import { useSettlementEntries } from '../api/get-settlement-entries';
import { sumEntries, type EntrySums } from '../sum-entries';
import { settlementEntryColumns } from './settlement-entry-columns';

type SettlementDetailPageProps = { id: string; audience: 'staff' | 'merchant' };

function figures(row: EntrySums, currency: string) {
  const money = (amount: number) => <span className="tabular-nums">{formatMoney(amount, currency)}</span>;
  return [
    { label: 'Gross', value: money(row.grossAmount) },
    { label: 'Refunds', value: money(row.refundAmount) },
    { label: 'Fees', value: money(row.feeAmount) },
    { label: 'Net', value: money(row.netAmount) },
    { label: 'Payments', value: row.paymentCount },
    { label: 'Refunds made', value: row.refundCount },
  ];
}

const sameFigures = (a: EntrySums, b: Settlement) =>
  a.grossAmount === b.grossAmount &&
  a.refundAmount === b.refundAmount &&
  a.feeAmount === b.feeAmount &&
  a.netAmount === b.netAmount &&
  a.paymentCount === b.paymentCount &&
  a.refundCount === b.refundCount;

/** One settlement row and the payments, refunds and fees that make it; the entries' sum is shown beside the row. */
export function SettlementDetailPage({ id, audience }: SettlementDetailPageProps) {
  const entries = useSettlementEntries(id);
  const list = useKeysetList(entries);
  const row = entries.data?.pages[0]?.settlement;
  const sums = useMemo(() => sumEntries(list.data ?? []), [list.data]);
  const base = audience === 'staff' ? '/console' : '/portal';
  const back = (
    <Link href={`${base}/settlements`} className="inline-flex items-center gap-1 rounded-sm hover:text-foreground">
      <ArrowLeftIcon aria-hidden className="size-4" />
      Settlements
    </Link>
  );
  if (entries.isError && !row)
    return (
      <>
        <PageHeader eyebrow={back} title="Settlement" />
        <ErrorState error={entries.error} onRetry={() => entries.refetch()} retrying={entries.isRefetching} />
      </>
    );
  const complete = row !== undefined && !list.hasNextPage;
  return (
    <>
      <PageHeader
        eyebrow={back}
        title={row ? `Settlement of ${row.date}` : <Skeleton className="h-8 w-64" />}
        description={
          row
            ? `${audience === 'staff' ? `${row.merchantName}, ` : ''}${row.currency}: the money facts booked that business day.`
            : undefined
        }
      />
      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>The row</CardTitle>
            <CardDescription>As settled: net = gross − refunds − fees.</CardDescription>
          </CardHeader>
          <CardContent>{row ? <DetailList items={figures(row, row.currency)} /> : <Skeleton className="h-24" />}</CardContent>
        </Card>
        <Card aria-label="Sum of the entries">
          <CardHeader>
            <CardTitle>Sum of the entries</CardTitle>
            <CardDescription>
              {!row ? (
                'Adding up the entries below.'
              ) : complete ? (
                sameFigures(sums, row) ? (
                  <span className="inline-flex items-center gap-1">
                    <CheckCircle2Icon aria-hidden className="size-4 text-success" />
                    Every entry is listed; they add up to the row.
                  </span>
                ) : (
                  'Every entry is listed; they do not add up to the row. Staff have been asked to look (recompute).'
                )
              ) : (
                'Of the entries loaded so far; load the rest to see the whole day.'
              )}
            </CardDescription>
          </CardHeader>
          <CardContent>{row ? <DetailList items={figures(sums, row.currency)} /> : <Skeleton className="h-24" />}</CardContent>
        </Card>
      </div>
      <DataTable
        {...list}
        label="Entries"
        columns={settlementEntryColumns}
        getRowId={(entry) => entry.id}
        rowHref={(entry) => `${base}/orders/${entry.paymentId}`}
        empty={<EmptyState title="No entries" description="This row has no money facts behind it." />}
      />
    </>
  );
}
