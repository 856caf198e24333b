'use client';

import { ClearFiltersButton, FilterBar } from '@/components/filters/filter-bar';
import { DateTimeRangeFilter } from '@/components/filters/date-time-range-filter';
import { SearchFilter } from '@/components/filters/search-filter';
import { SelectFilter } from '@/components/filters/select-filter';

export const alertFilterParams = ['status', 'kind', 'merchantId', 'since', 'until'];

const statusOptions = ['open', 'acknowledged', 'blocked', 'dismissed'].map((value) => ({
  value,
  label: value[0].toUpperCase() + value.slice(1),
}));

const kindOptions = [
  { value: 'window_amount', label: 'Window amount' },
  { value: 'velocity', label: 'Velocity' },
  { value: 'single_outsized', label: 'Single outsized' },
  { value: 'repeated_payer', label: 'Repeated payer' },
  { value: 'unknown_payment', label: 'Unknown payment' },
  { value: 'amount_mismatch', label: 'Amount mismatch' },
  { value: 'duplicate_payment', label: 'Duplicate payment' },
  { value: 'late_payment', label: 'Late payment' },
];

export function AlertFilters() {
  return (
    <FilterBar>
      <SelectFilter param="status" label="Status" options={statusOptions} anyLabel="Any status" />
      <SelectFilter param="kind" label="Kind" options={kindOptions} anyLabel="Any kind" />
      <SearchFilter param="merchantId" label="Merchant id" placeholder="Merchant id" />
      <DateTimeRangeFilter label="Opened" />
      <ClearFiltersButton params={alertFilterParams} />
    </FilterBar>
  );
}
