'use client';

import type { z } from 'zod';
import { createDataTableColumns } from '@/components/data-table/data-table-features';
import { StatusBadge } from '@/components/ui/status-badge';
import { Time } from '@/components/ui/time';
import type { deliveryListItemSchema } from '@/contracts/deliveries';
import { formatDuration } from '@/lib/format/format-duration';
import { RedeliverButton } from './redeliver-button';

export type DeliveryRow = z.output<typeof deliveryListItemSchema>;

const column = createDataTableColumns<DeliveryRow>();

const code = (status: number | null, attempts: number) =>
  attempts === 0 ? (
    <span className="text-muted-foreground">—</span>
  ) : status === null ? (
    <span className="text-destructive">no answer</span>
  ) : (
    status
  );

const deliveryColumn = column.accessor('id', {
  header: 'Delivery',
  cell: ({ row }) => (
    <span className="flex flex-col">
      <span className="font-mono text-xs">{row.original.id}</span>
      <span className="text-xs text-muted-foreground">{row.original.eventType}</span>
    </span>
  ),
});

const merchantColumn = column.accessor('merchantName', { header: 'Merchant', meta: { hideBelow: 'md' } });

const figureColumns = [
  column.accessor('status', { header: 'Status', cell: ({ getValue }) => <StatusBadge status={getValue()} /> }),
  column.accessor('attemptCount', { header: 'Attempts', meta: { align: 'end', hideBelow: 'sm' } }),
  column.accessor('lastStatusCode', {
    header: 'Last code',
    cell: ({ row }) => <span className="tabular-nums">{code(row.original.lastStatusCode, row.original.attemptCount)}</span>,
    meta: { align: 'end' },
  }),
  column.accessor('lastDurationMs', {
    header: 'Latency',
    cell: ({ getValue }) => {
      const ms = getValue();
      return ms === null ? <span className="text-muted-foreground">—</span> : <span className="tabular-nums">{formatDuration(ms)}</span>;
    },
    meta: { align: 'end', hideBelow: 'lg' },
  }),
  column.accessor('nextAttemptAt', {
    header: 'Next retry',
    cell: ({ row }) =>
      row.original.status === 'pending' ? (
        <Time value={row.original.nextAttemptAt} relative />
      ) : (
        <span className="text-muted-foreground">—</span>
      ),
    meta: { hideBelow: 'lg' },
  }),
  column.accessor('createdAt', { header: 'Created', cell: ({ getValue }) => <Time value={getValue()} />, meta: { hideBelow: 'xl' } }),
];

const actionsColumn = column.display({
  id: 'actions',
  header: () => <span className="sr-only">Actions</span>,
  cell: ({ row }) => <RedeliverButton id={row.original.id} status={row.original.status} />,
  meta: { link: false, align: 'end' },
});

const variants = {
  staff: column.columns([deliveryColumn, merchantColumn, ...figureColumns, actionsColumn]),
  staffReadOnly: column.columns([deliveryColumn, merchantColumn, ...figureColumns]),
  merchant: column.columns([deliveryColumn, ...figureColumns, actionsColumn]),
  merchantReadOnly: column.columns([deliveryColumn, ...figureColumns]),
};

/** The console's columns (with the merchant) or a merchant's own; the Redeliver button only for roles that may. */
export function deliveryColumnsFor({ merchant, redeliver }: { merchant: boolean; redeliver: boolean }) {
  if (merchant) return redeliver ? variants.staff : variants.staffReadOnly;
  return redeliver ? variants.merchant : variants.merchantReadOnly;
}

export const deliveryRowId = (row: DeliveryRow) => row.id;
