'use client';

import { DataTable } from '@/components/data-table/data-table';
import { createDataTableColumns } from '@/components/data-table/data-table-features';
import { Badge } from '@/components/ui/badge';
import { StatusBadge } from '@/components/ui/status-badge';
import { Time } from '@/components/ui/time';
import { formatMoney } from '@/lib/format/format-money';
import type { PaymentListItem } from '@/features/console-risk/api/get-payments';

type Row = PaymentListItem & { crossed: boolean };

const column = createDataTableColumns<Row>();

const columns = column.columns([
  column.accessor('outTradeNo', {
    header: 'Order',
    cell: ({ row }) => (
      <span className="flex items-center gap-2 font-mono text-xs">
        {row.original.outTradeNo}
        {row.original.crossed && <Badge tone="danger">Crossed</Badge>}
      </span>
    ),
  }),
  column.accessor('amount', {
    header: 'Amount',
    cell: ({ row }) => formatMoney(row.original.amount, row.original.currency),
    meta: { align: 'end' },
  }),
  column.accessor('provider', { header: 'Provider', meta: { hideBelow: 'md' } }),
  column.accessor('status', { header: 'Status', cell: (cell) => <StatusBadge status={cell.getValue()} /> }),
  column.accessor('paidAt', { header: 'Paid', cell: (cell) => <Time value={cell.getValue()} format="precise" /> }),
]);

const rowId = (row: Row) => row.id;
const rowHref = (row: Row) => `/console/orders/${row.id}`;

/** The payments paid inside the alert's window, the one that crossed marked; each opens its order. */
export function ContributingPayments({
  payments,
  windowStart,
  paidAt,
  crossingPaymentId,
  isLoading,
  error,
}: {
  payments: readonly PaymentListItem[];
  windowStart: string;
  paidAt: string;
  crossingPaymentId: string | null;
  isLoading: boolean;
  error: unknown;
}) {
  const from = new Date(windowStart).getTime();
  // The window ends with the crossing payment's minute.
  const to = Math.floor(new Date(paidAt).getTime() / 60_000) * 60_000 + 60_000;
  const rows: Row[] = payments
    .filter((payment) => payment.paidAt && new Date(payment.paidAt).getTime() >= from && new Date(payment.paidAt).getTime() < to)
    .sort((a, b) => new Date(b.paidAt!).getTime() - new Date(a.paidAt!).getTime())
    .map((payment) => ({ ...payment, crossed: payment.id === crossingPaymentId }));
  return (
    <DataTable
      label="Contributing payments"
      columns={columns}
      data={isLoading ? undefined : rows}
      error={error ?? undefined}
      getRowId={rowId}
      rowHref={rowHref}
      skeletonRows={4}
      footer={<p className="text-sm text-muted-foreground">{rows.length} payments paid in the window</p>}
    />
  );
}
