'use client';

import { useQueryStates } from 'nuqs';
import { DataTable } from '@/components/data-table/data-table';
import { NewRowsBanner } from '@/components/data-table/new-rows-banner';
import { useKeysetList } from '@/components/data-table/use-keyset-list';
import { ClearFiltersButton } from '@/components/filters/filter-bar';
import { PageHeader } from '@/components/shell/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { LivePauseButton } from '@/features/live/components/live-pause-button';
import { useLivePause } from '@/features/live/use-live-pause';
import { usePaymentList } from '../api/get-payments';
import { changeConcernsOrders, orderFilterParams, orderFilterParsers, toPaymentListQuery } from '../order-filters';
import { OrderFilterBar } from './order-filter-bar';
import { orderColumns, paymentRowHref, paymentRowId } from './order-columns';

/** Orders, live: new and changed payments show without a reload; Pause holds the rows and counts what arrived. */
export function OrdersPage() {
  const [filters] = useQueryStates(orderFilterParsers);
  const query = toPaymentListQuery(filters);
  const pause = useLivePause('payment', (change) => changeConcernsOrders(change, query));
  const list = useKeysetList(usePaymentList(query, { subscribed: !pause.paused }));
  const filtered = Object.keys(query).length > 0;
  return (
    <>
      <PageHeader
        title="Orders"
        description="Every payment, newest first, as it happens. Find one by any of its ids."
        actions={<LivePauseButton pause={pause} />}
      />
      <OrderFilterBar />
      <DataTable
        {...list}
        label="Orders"
        columns={orderColumns}
        getRowId={paymentRowId}
        rowHref={paymentRowHref}
        banner={<NewRowsBanner count={pause.arrived} paused={pause.paused} noun="order" onShow={pause.resume} />}
        empty={
          filtered ? (
            <EmptyState
              title="No order matches these filters"
              description="A search finds one id exactly: ours, the merchant's outTradeNo, or the provider's."
              action={<ClearFiltersButton params={orderFilterParams} />}
            />
          ) : (
            <EmptyState title="No orders yet" description="Orders show here the moment a merchant places them." />
          )
        }
      />
    </>
  );
}
