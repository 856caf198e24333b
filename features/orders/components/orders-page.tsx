'use client';

import { useQueryStates } from 'nuqs';
import { DataTable } from '@/components/data-table/data-table';
import { NewRowsBanner } from '@/components/data-table/new-rows-banner';
import { useKeysetList } from '@/components/data-table/use-keyset-list';
import { ClearFiltersButton } from '@/components/filters/filter-bar';
import { PageHeader } from '@/components/shell/page-header';
import { useSection } from '@/components/shell/section-context';
import { EmptyState } from '@/components/ui/empty-state';
import { LivePauseButton } from '@/features/live/components/live-pause-button';
import { useLivePause } from '@/features/live/use-live-pause';
import { usePaymentList } from '../api/get-payments';
import { changeConcernsOrders, orderFilterParams, orderFilterParsers, toPaymentListQuery } from '../order-filters';
import { OrderFilterBar } from './order-filter-bar';
import { ExportOrdersLink } from './export-orders-link';
import { merchantOrderColumns, orderColumns, paymentRowId, type PaymentRow } from './order-columns';

/**
 * Orders, live: new and changed payments show without a reload; Pause holds the rows and counts what arrived. Staff
 * see every merchant's; a merchant's users their own (the API scopes the list to the session's merchant).
 */
export function OrdersPage() {
  const { base, audience } = useSection();
  const staff = audience === 'staff';
  const [filters] = useQueryStates(orderFilterParsers);
  const query = toPaymentListQuery(filters);
  const pause = useLivePause('payment', (change) => changeConcernsOrders(change, query));
  const list = useKeysetList(usePaymentList(query, { subscribed: !pause.paused }));
  const filtered = Object.keys(query).length > 0;
  return (
    <>
      <PageHeader
        title="Orders"
        description={
          staff
            ? 'Every payment, newest first, as it happens. Find one by any of its ids.'
            : 'Your payments, newest first, as they happen. Find one by any of its ids.'
        }
        actions={
          <>
            <ExportOrdersLink query={query} />
            <LivePauseButton pause={pause} />
          </>
        }
      />
      <OrderFilterBar merchantFilter={staff} />
      <DataTable
        {...list}
        label="Orders"
        columns={staff ? orderColumns : merchantOrderColumns}
        getRowId={paymentRowId}
        rowHref={(row: PaymentRow) => `${base}/orders/${row.id}`}
        banner={<NewRowsBanner count={pause.arrived} paused={pause.paused} noun="order" onShow={pause.resume} />}
        empty={
          filtered ? (
            <EmptyState
              title="No order matches these filters"
              description="A search finds one id exactly: ours, the merchant's outTradeNo, or the provider's."
              action={<ClearFiltersButton params={orderFilterParams} />}
            />
          ) : (
            <EmptyState
              title="No orders yet"
              description={
                staff
                  ? 'Orders show here the moment a merchant places them.'
                  : 'Orders show here the moment you place them with POST /api/payments.'
              }
            />
          )
        }
      />
    </>
  );
}
