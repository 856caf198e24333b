'use client';

import { createDataTableColumns } from '@/components/data-table/data-table-features';
import type { Settlement } from '@/contracts/settlements';
import { formatMoney } from '@/lib/format/format-money';

const column = createDataTableColumns<Settlement>();

const money = (key: 'grossAmount' | 'refundAmount' | 'feeAmount' | 'netAmount', header: string, hideBelow?: 'md' | 'lg') =>
  column.accessor(key, {
    header,
    cell: ({ row }) => <span className="tabular-nums">{formatMoney(row.original[key], row.original.currency)}</span>,
    meta: { align: 'end', hideBelow },
  });

const dateColumn = column.accessor('date', { header: 'Day', cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span> });
const merchantColumn = column.accessor('merchantName', { header: 'Merchant' });
const countsColumn = column.accessor('paymentCount', {
  header: 'Payments / refunds',
  cell: ({ row }) => (
    <span className="tabular-nums">
      {row.original.paymentCount} / {row.original.refundCount}
    </span>
  ),
  meta: { align: 'end', hideBelow: 'md' },
});

const figures = [
  countsColumn,
  money('grossAmount', 'Gross'),
  money('refundAmount', 'Refunds', 'md'),
  money('feeAmount', 'Fees', 'lg'),
  money('netAmount', 'Net'),
];

/** A day's settlement for staff: whose it is, gross, refunds, fees and net (which may be negative). */
export const staffSettlementColumns = column.columns([dateColumn, merchantColumn, ...figures]);

/** A merchant's own days. */
export const merchantSettlementColumns = column.columns([dateColumn, ...figures]);
