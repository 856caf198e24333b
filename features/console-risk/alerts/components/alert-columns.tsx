'use client';

import { createDataTableColumns } from '@/components/data-table/data-table-features';
import { StatusBadge } from '@/components/ui/status-badge';
import { Time } from '@/components/ui/time';
import { formatStatus } from '@/lib/format/format-status';
import type { AlertView } from '@/features/console-risk/alerts/use-alert-view';
import { MerchantName } from '@/features/console-risk/shared/components/merchant-name';
import { SeverityBadge } from './severity-badge';

const column = createDataTableColumns<AlertView>();

export const alertColumns = column.columns([
  column.accessor('severity', { header: 'Severity', cell: (cell) => <SeverityBadge severity={cell.getValue()} /> }),
  column.display({
    id: 'rule',
    header: 'Rule',
    cell: ({ row }) => (
      <span className="flex flex-col">
        <span className="font-medium">{row.original.rule?.name ?? formatStatus(row.original.kind)}</span>
        {row.original.rule && <span className="text-xs text-muted-foreground">{formatStatus(row.original.kind)}</span>}
      </span>
    ),
  }),
  column.display({ id: 'merchant', header: 'Merchant', cell: ({ row }) => <MerchantName merchantId={row.original.merchantId} /> }),
  column.display({
    id: 'evidence',
    header: 'Evidence',
    cell: ({ row }) => <span className="line-clamp-2 min-w-56 whitespace-normal">{row.original.read.summary}</span>,
    meta: { hideBelow: 'md' },
  }),
  column.accessor('hitCount', { header: 'Hits', meta: { align: 'end', hideBelow: 'lg' } }),
  column.accessor('status', { header: 'Status', cell: (cell) => <StatusBadge status={cell.getValue()} /> }),
  column.accessor('openedAt', { header: 'Age', cell: (cell) => <Time value={cell.getValue()} relative /> }),
]);
