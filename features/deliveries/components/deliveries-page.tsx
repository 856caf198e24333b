'use client';

import { SkullIcon } from 'lucide-react';
import { useQueryStates } from 'nuqs';
import type { ReactNode } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import { useKeysetList } from '@/components/data-table/use-keyset-list';
import { DateTimeRangeFilter } from '@/components/filters/date-time-range-filter';
import { ClearFiltersButton, FilterBar } from '@/components/filters/filter-bar';
import { SelectFilter } from '@/components/filters/select-filter';
import { useFilterParam } from '@/components/filters/use-filter-param';
import { choiceFilter } from '@/components/filters/filter-parsers';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { useMayCall, useSection } from '@/components/shell/section-context';
import { EmptyState } from '@/components/ui/empty-state';
import { bulkRedeliverOperation } from '@/contracts/deliveries';
import { useMerchantOptions } from '@/features/merchants/api/get-merchant-options';
import { useDeliveryList } from '../api/get-deliveries';
import { deliveryFilterParams, deliveryFilterParsers, toDeliveryListQuery } from '../delivery-filters';
import { deliveryColumnsFor, deliveryRowId, type DeliveryRow } from './delivery-columns';
import { RedeliverAllDialog } from './redeliver-all-dialog';

const statusOptions = [
  { value: 'pending', label: 'Pending' },
  { value: 'delivered', label: 'Delivered' },
  { value: 'failed', label: 'Failed (dead letters)' },
  { value: 'cancelled', label: 'Cancelled' },
];

/**
 * Webhooks to merchants: the dead-letter set one click away, redelivery of one or of all that match. Staff see every
 * merchant's; a merchant's users their own, with what the portal adds (`actions`: recover since a time, a test
 * webhook). Redelivery is offered only to roles that may redeliver.
 */
export function DeliveriesPage({ actions }: { actions?: ReactNode } = {}) {
  const { base, audience } = useSection();
  const staff = audience === 'staff';
  const mayRedeliver = useMayCall(bulkRedeliverOperation);
  const [filters] = useQueryStates(deliveryFilterParsers);
  const query = toDeliveryListQuery(filters);
  const list = useKeysetList(useDeliveryList(query));
  const merchants = useMerchantOptions({ enabled: staff });
  const [status, setStatus] = useFilterParam('status', choiceFilter);
  const filtered = Object.keys(query).length > 0;
  return (
    <>
      <PageHeader
        title="Deliveries"
        description={
          staff
            ? 'Every webhook to a merchant, with its attempts. Failed ones are the dead letters: send them again once the merchant is back.'
            : 'Every webhook we sent your notifyUrl, with each attempt and your server’s answer. Failed ones are the dead letters: send them again once your server is back.'
        }
        actions={
          <>
            {actions}
            {mayRedeliver && <RedeliverAllDialog query={query} />}
          </>
        }
      />
      <FilterBar aria-label="Filter deliveries" className="mb-4">
        <Button
          variant={status === 'failed' ? 'default' : 'outline'}
          aria-pressed={status === 'failed'}
          onClick={() => setStatus(status === 'failed' ? null : 'failed')}
        >
          <SkullIcon aria-hidden />
          Dead letters
        </Button>
        <SelectFilter param="status" label="Status" anyLabel="Any status" options={statusOptions} />
        {staff && <SelectFilter param="merchantId" label="Merchant" anyLabel="Any merchant" options={merchants.data ?? []} />}
        <DateTimeRangeFilter label="Created" />
        <ClearFiltersButton params={deliveryFilterParams} />
      </FilterBar>
      <DataTable
        {...list}
        label="Deliveries"
        columns={deliveryColumnsFor({ merchant: staff, redeliver: mayRedeliver })}
        getRowId={deliveryRowId}
        rowHref={(row: DeliveryRow) => `${base}/deliveries/${row.id}`}
        empty={
          filtered ? (
            <EmptyState
              title={status === 'failed' ? 'No dead letters' : 'No delivery matches these filters'}
              description={status === 'failed' ? 'Every webhook reached its merchant or is still being retried.' : undefined}
              action={<ClearFiltersButton params={deliveryFilterParams} />}
            />
          ) : (
            <EmptyState
              title="No deliveries yet"
              description={
                staff
                  ? "A delivery is made for every paid order, to its merchant's notifyUrl."
                  : 'A delivery is made for every paid order, to your notifyUrl.'
              }
            />
          )
        }
      />
    </>
  );
}
