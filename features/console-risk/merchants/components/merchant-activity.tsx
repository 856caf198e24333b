'use client';

import { parseAsStringLiteral, useQueryState } from 'nuqs';
import { DataTable } from '@/components/data-table/data-table';
import { createDataTableColumns } from '@/components/data-table/data-table-features';
import { useKeysetList } from '@/components/data-table/use-keyset-list';
import { EmptyState } from '@/components/ui/empty-state';
import { StatusBadge } from '@/components/ui/status-badge';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { Time } from '@/components/ui/time';
import { formatMoney } from '@/lib/format/format-money';
import { alertColumns } from '@/features/console-risk/alerts/components/alert-columns';
import { toAlertView, useRuleIndex, type AlertView } from '@/features/console-risk/alerts/use-alert-view';
import { useAlerts } from '@/features/console-risk/api/get-alerts';
import { useMerchantDeliveries, type DeliveryListItem } from '@/features/console-risk/api/get-deliveries';
import { usePayments, type PaymentListItem } from '@/features/console-risk/api/get-payments';

const tabs = ['orders', 'deliveries', 'alerts'] as const;

const paymentColumn = createDataTableColumns<PaymentListItem>();
const paymentColumns = paymentColumn.columns([
  paymentColumn.accessor('outTradeNo', { header: 'Order', cell: (cell) => <span className="font-mono text-xs">{cell.getValue()}</span> }),
  paymentColumn.accessor('amount', {
    header: 'Amount',
    cell: ({ row }) => formatMoney(row.original.amount, row.original.currency),
    meta: { align: 'end' },
  }),
  paymentColumn.accessor('provider', { header: 'Provider', meta: { hideBelow: 'md' } }),
  paymentColumn.accessor('status', { header: 'Status', cell: (cell) => <StatusBadge status={cell.getValue()} /> }),
  paymentColumn.accessor('createdAt', { header: 'Created', cell: (cell) => <Time value={cell.getValue()} /> }),
]);

const deliveryColumn = createDataTableColumns<DeliveryListItem>();
const deliveryColumns = deliveryColumn.columns([
  deliveryColumn.accessor('eventType', { header: 'Event' }),
  deliveryColumn.accessor('status', { header: 'Status', cell: (cell) => <StatusBadge status={cell.getValue()} /> }),
  deliveryColumn.accessor('attemptCount', { header: 'Attempts', meta: { align: 'end' } }),
  deliveryColumn.accessor('lastError', {
    header: 'Last error',
    cell: (cell) => <span className="line-clamp-1 max-w-72 whitespace-normal text-xs">{cell.getValue() ?? '—'}</span>,
    meta: { hideBelow: 'md' },
  }),
  deliveryColumn.accessor('createdAt', { header: 'Created', cell: (cell) => <Time value={cell.getValue()} /> }),
]);

const byId = (row: { id: string }) => row.id;

function MerchantOrders({ merchantId }: { merchantId: string }) {
  const list = useKeysetList(usePayments({ merchantId }));
  return (
    <DataTable
      {...list}
      columns={paymentColumns}
      getRowId={byId}
      rowHref={(payment) => `/console/orders/${payment.id}`}
      label="Orders"
      empty={<EmptyState title="No orders yet" />}
    />
  );
}

function MerchantDeliveries({ merchantId }: { merchantId: string }) {
  const list = useKeysetList(useMerchantDeliveries(merchantId));
  return (
    <DataTable
      {...list}
      columns={deliveryColumns}
      getRowId={byId}
      rowHref={(delivery) => `/console/deliveries/${delivery.id}`}
      label="Deliveries"
      empty={<EmptyState title="No deliveries yet" />}
    />
  );
}

function MerchantAlerts({ merchantId }: { merchantId: string }) {
  const list = useKeysetList(useAlerts({ merchantId }, 20));
  const rules = useRuleIndex();
  return (
    <DataTable
      {...list}
      data={list.data?.map((alert) => toAlertView(alert, rules))}
      columns={alertColumns}
      getRowId={byId}
      rowHref={(alert: AlertView) => `/console/alerts/${alert.id}`}
      label="Alerts"
      empty={<EmptyState title="No alerts for this merchant" />}
    />
  );
}

/** The merchant's orders, deliveries and alerts, one tab each (the tab in the URL), all live. */
export function MerchantActivity({ merchantId }: { merchantId: string }) {
  const [tab, setTab] = useQueryState('tab', parseAsStringLiteral(tabs).withDefault('orders'));
  return (
    <Tabs value={tab} onValueChange={(next) => void setTab(next as (typeof tabs)[number])}>
      <TabsList>
        <TabsTrigger value="orders">Orders</TabsTrigger>
        <TabsTrigger value="deliveries">Deliveries</TabsTrigger>
        <TabsTrigger value="alerts">Alerts</TabsTrigger>
      </TabsList>
      <TabsContent value="orders">
        <MerchantOrders merchantId={merchantId} />
      </TabsContent>
      <TabsContent value="deliveries">
        <MerchantDeliveries merchantId={merchantId} />
      </TabsContent>
      <TabsContent value="alerts">
        <MerchantAlerts merchantId={merchantId} />
      </TabsContent>
    </Tabs>
  );
}
