'use client';

import { createDataTableColumns } from '@/components/data-table/data-table-features';
import { StatusBadge } from '@/components/ui/status-badge';
import { Time } from '@/components/ui/time';
import { formatCount, formatPercent } from '@/lib/format/format-number';
import type { MerchantListItem } from '@/features/console-risk/api/get-merchants';
import { deliveryHealthLevel } from '@/features/console-risk/merchants/delivery-health';
import { formatVolume, volumeCount } from '@/features/console-risk/shared/volume';
import { DeliveryHealthBadge } from './delivery-health-badge';

const column = createDataTableColumns<MerchantListItem>();

export const merchantColumns = column.columns([
  column.accessor('name', { header: 'Merchant', cell: (cell) => <span className="font-medium">{cell.getValue()}</span> }),
  column.accessor('status', { header: 'Status', cell: (cell) => <StatusBadge status={cell.getValue()} /> }),
  column.display({
    id: 'volume',
    header: '7-day volume',
    cell: ({ row }) => (
      <span className="flex flex-col items-end">
        <span className="tabular-nums">{formatVolume(row.original.volume7d)}</span>
        <span className="text-xs text-muted-foreground">{formatCount(volumeCount(row.original.volume7d))} paid</span>
      </span>
    ),
    meta: { align: 'end' },
  }),
  column.display({
    id: 'deliveries',
    header: 'Delivery health',
    cell: ({ row }) => {
      const { deliveries } = row.original;
      return (
        <span className="flex flex-col gap-0.5">
          <DeliveryHealthBadge level={deliveryHealthLevel(deliveries, row.original)} />
          <span className="text-xs text-muted-foreground">
            {deliveries.firstAttempts7d > 0
              ? `${formatPercent(deliveries.firstAttemptSucceeded7d, deliveries.firstAttempts7d)} first try`
              : 'no deliveries in 7 days'}
            {deliveries.deadLetters > 0 && ` · ${formatCount(deliveries.deadLetters)} dead`}
          </span>
        </span>
      );
    },
    meta: { hideBelow: 'md' },
  }),
  column.accessor('openAlerts', {
    header: 'Open alerts',
    cell: (cell) => (
      <span className={cell.getValue() > 0 ? 'font-semibold text-destructive' : undefined}>{formatCount(cell.getValue())}</span>
    ),
    meta: { align: 'end' },
  }),
  column.accessor('createdAt', {
    header: 'Created',
    cell: (cell) => <Time value={cell.getValue()} format="date" />,
    meta: { hideBelow: 'lg' },
  }),
]);
