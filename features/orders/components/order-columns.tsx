'use client';

import { FlagIcon } from 'lucide-react';
import type { z } from 'zod';
import { createDataTableColumns } from '@/components/data-table/data-table-features';
import { StatusBadge } from '@/components/ui/status-badge';
import { Time } from '@/components/ui/time';
import type { paymentListItemSchema } from '@/contracts/payment-list';
import { formatMoney } from '@/lib/format/format-money';
import { formatStatus } from '@/lib/format/format-status';

export type PaymentRow = z.output<typeof paymentListItemSchema>;

const column = createDataTableColumns<PaymentRow>();

const orderColumn = column.accessor('outTradeNo', {
  header: 'Order',
  cell: ({ row }) => (
    <span className="flex flex-col">
      <span className="font-medium">{row.original.outTradeNo}</span>
      <span className="font-mono text-xs text-muted-foreground">{row.original.providerTradeNo ?? row.original.id}</span>
    </span>
  ),
});

const merchantColumn = column.accessor('merchantName', { header: 'Merchant', meta: { hideBelow: 'md' } });

const figureColumns = [
  column.accessor('provider', { header: 'Provider', cell: ({ getValue }) => formatStatus(getValue()), meta: { hideBelow: 'lg' } }),
  column.accessor('amount', {
    header: 'Amount',
    cell: ({ row }) => <span className="tabular-nums">{formatMoney(row.original.amount, row.original.currency)}</span>,
    meta: { align: 'end' },
  }),
  column.accessor('status', {
    header: 'Status',
    cell: ({ row }) => (
      <span className="flex items-center gap-1.5">
        <StatusBadge status={row.original.status} />
        {row.original.flaggedReason && (
          <span className="inline-flex items-center gap-1 text-xs text-warning-foreground" title={row.original.flaggedReason}>
            <FlagIcon aria-hidden className="size-3.5 text-warning" />
            <span className="sr-only sm:not-sr-only">Flagged</span>
          </span>
        )}
      </span>
    ),
  }),
  column.accessor('createdAt', { header: 'Created', cell: ({ getValue }) => <Time value={getValue()} /> }),
  column.accessor('paidAt', {
    header: 'Paid',
    cell: ({ getValue }) => <Time value={getValue()} format="time" />,
    meta: { hideBelow: 'xl' },
  }),
];

/** The console's orders, every merchant's. */
export const orderColumns = column.columns([orderColumn, merchantColumn, ...figureColumns]);

/** A merchant's own orders (the portal): no merchant column. */
export const merchantOrderColumns = column.columns([orderColumn, ...figureColumns]);

export const paymentRowId = (row: PaymentRow) => row.id;
