'use client';

import { ShieldAlertIcon } from 'lucide-react';
import { useQueryStates } from 'nuqs';
import { DataTable } from '@/components/data-table/data-table';
import { useKeysetList } from '@/components/data-table/use-keyset-list';
import { DateTimeRangeFilter } from '@/components/filters/date-time-range-filter';
import { ClearFiltersButton, FilterBar } from '@/components/filters/filter-bar';
import { SelectFilter } from '@/components/filters/select-filter';
import { useFilterParam } from '@/components/filters/use-filter-param';
import { choiceFilter } from '@/components/filters/filter-parsers';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { useNotificationList } from '../api/get-notifications';
import { notificationFilterParams, notificationFilterParsers, providerLabels, toNotificationListQuery } from '../notification-filters';
import { notificationColumns, notificationRowHref, notificationRowId } from './notification-columns';

const providers = Object.entries(providerLabels).map(([value, label]) => ({ value, label }));
const kinds = [
  { value: 'payment', label: 'Payment' },
  { value: 'refund', label: 'Refund' },
  { value: 'unknown', label: 'Unknown' },
];
const outcomes = [
  { value: 'applied', label: 'Applied' },
  { value: 'duplicate', label: 'Duplicate' },
  { value: 'recorded', label: 'Recorded only' },
  { value: 'rejected', label: 'Rejected' },
];

/** Every callback the providers sent (and every answer to our status queries), as evidence: rejected ones too. */
export function NotificationsPage() {
  const [filters] = useQueryStates(notificationFilterParsers);
  const query = toNotificationListQuery(filters);
  const list = useKeysetList(useNotificationList(query));
  const [outcome, setOutcome] = useFilterParam('outcome', choiceFilter);
  const filtered = Object.keys(query).length > 0;
  return (
    <>
      <PageHeader
        title="Notifications"
        description="The provider inbox: every callback received and every status-query answer, with its verdict. Rejected callbacks are kept as evidence (a sample when they come in floods)."
      />
      <FilterBar aria-label="Filter notifications" className="mb-4">
        <Button
          variant={outcome === 'rejected' ? 'default' : 'outline'}
          aria-pressed={outcome === 'rejected'}
          onClick={() => setOutcome(outcome === 'rejected' ? null : 'rejected')}
        >
          <ShieldAlertIcon aria-hidden />
          Rejected
        </Button>
        <SelectFilter param="provider" label="Provider" anyLabel="Any provider" options={providers} />
        <SelectFilter param="kind" label="Kind" anyLabel="Any kind" options={kinds} />
        <SelectFilter param="outcome" label="Outcome" anyLabel="Any outcome" options={outcomes} />
        <DateTimeRangeFilter label="Received" />
        <ClearFiltersButton params={notificationFilterParams} />
      </FilterBar>
      <DataTable
        {...list}
        label="Notifications"
        columns={notificationColumns}
        getRowId={notificationRowId}
        rowHref={notificationRowHref}
        empty={
          filtered ? (
            <EmptyState title="No notification matches these filters" action={<ClearFiltersButton params={notificationFilterParams} />} />
          ) : (
            <EmptyState
              title="No notifications yet"
              description="A provider's callback for a payment or a refund appears here the moment it arrives."
            />
          )
        }
      />
    </>
  );
}
