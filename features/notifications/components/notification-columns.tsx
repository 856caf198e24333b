'use client';

import type { z } from 'zod';
import { createDataTableColumns } from '@/components/data-table/data-table-features';
import { StatusBadge } from '@/components/ui/status-badge';
import { Time } from '@/components/ui/time';
import type { notificationListItemSchema } from '@/contracts/notifications';
import { formatStatus } from '@/lib/format/format-status';
import { outcomeTones, providerLabels } from '../notification-filters';

export type NotificationRow = z.output<typeof notificationListItemSchema>;

const column = createDataTableColumns<NotificationRow>();

export const notificationColumns = column.columns([
  column.accessor('receivedAt', { header: 'Received', cell: ({ getValue }) => <Time value={getValue()} format="precise" /> }),
  column.accessor('provider', { header: 'Provider', cell: ({ getValue }) => providerLabels[getValue()] ?? getValue() }),
  column.accessor('kind', { header: 'Kind', cell: ({ getValue }) => formatStatus(getValue()), meta: { hideBelow: 'sm' } }),
  column.accessor('outcome', {
    header: 'Outcome',
    cell: ({ getValue }) => <StatusBadge status={getValue()} tone={outcomeTones[getValue()]} />,
  }),
  column.accessor('reason', {
    header: 'Reason',
    cell: ({ getValue }) => <span className="line-clamp-2 max-w-80 whitespace-normal text-xs">{getValue() ?? '—'}</span>,
    meta: { hideBelow: 'md' },
  }),
  column.accessor('source', { header: 'From', cell: ({ getValue }) => formatStatus(getValue()), meta: { hideBelow: 'lg' } }),
  column.accessor('receivedCount', { header: 'Copies', meta: { align: 'end', hideBelow: 'lg' } }),
]);

export const notificationRowId = (row: NotificationRow) => row.id;
export const notificationRowHref = (row: NotificationRow) => `/console/notifications/${row.id}`;
