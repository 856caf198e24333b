'use client';

import { createDataTableColumns } from '@/components/data-table/data-table-features';
import { Time } from '@/components/ui/time';
import type { SettlementEntry } from '@/contracts/settlements';
import { formatMoney } from '@/lib/format/format-money';

const column = createDataTableColumns<SettlementEntry>();

const kinds: Record<SettlementEntry['kind'], string> = { payment: 'Payment', refund: 'Refund', fee: 'Fee', fee_return: 'Fee returned' };

/** One money fact of a settlement row: when it was booked, what it was, for which order, and what it adds to the net. */
export const settlementEntryColumns = column.columns([
  column.accessor('bookedAt', { header: 'Booked', cell: ({ getValue }) => <Time value={getValue()} /> }),
  column.accessor('kind', { header: 'Entry', cell: ({ getValue }) => kinds[getValue()] }),
  column.accessor('outTradeNo', {
    header: 'Order',
    cell: ({ row }) => (
      <span className="flex flex-col">
        <span className="font-medium">{row.original.outTradeNo}</span>
        <span className="font-mono text-xs text-muted-foreground">{row.original.refundNo ?? row.original.providerTradeNo}</span>
      </span>
    ),
  }),
  column.accessor('amount', {
    header: 'Amount',
    cell: ({ row }) => <span className="tabular-nums">{formatMoney(row.original.amount, row.original.currency)}</span>,
    meta: { align: 'end', hideBelow: 'md' },
  }),
  column.accessor('netEffect', {
    header: 'To net',
    cell: ({ row }) => (
      <span className="tabular-nums">{formatMoney(row.original.netEffect, row.original.currency, { signDisplay: 'always' })}</span>
    ),
    meta: { align: 'end' },
  }),
]);
