'use client';

import { useQueryStates } from 'nuqs';
import { DataTable } from '@/components/data-table/data-table';
import { useKeysetList } from '@/components/data-table/use-keyset-list';
import { ClearFiltersButton, FilterBar } from '@/components/filters/filter-bar';
import { choiceFilter, searchFilter } from '@/components/filters/filter-parsers';
import { SearchFilter } from '@/components/filters/search-filter';
import { SelectFilter } from '@/components/filters/select-filter';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { useMerchants, type MerchantListItem } from '@/features/console-risk/api/get-merchants';
import { merchantColumns } from './merchant-columns';

const filterParsers = { status: choiceFilter, endpoint: choiceFilter, q: searchFilter };
const filterParams = Object.keys(filterParsers);
const rowId = (merchant: MerchantListItem) => merchant.id;
const rowHref = (merchant: MerchantListItem) => `/console/merchants/${merchant.id}`;

const statusOptions = [
  { value: 'active', label: 'Active' },
  { value: 'blocked', label: 'Blocked' },
];
const endpointOptions = [
  { value: 'failing', label: 'Failing now' },
  { value: 'disabled', label: 'Disabled' },
];

/** Every merchant with its status, 7-day volume, delivery health and open alerts; live. */
export function MerchantList() {
  const [params] = useQueryStates(filterParsers);
  const filters = { status: params.status ?? undefined, endpoint: params.endpoint ?? undefined, q: params.q?.trim() || undefined };
  const list = useKeysetList(useMerchants(filters));
  const filtered = Object.values(filters).some((value) => value !== undefined);
  return (
    <>
      <PageHeader title="Merchants" description="Status, volume, delivery health and open alerts of every shop." />
      <div className="flex flex-col gap-4">
        <FilterBar>
          <SearchFilter label="Search" placeholder="Name or id" />
          <SelectFilter param="status" label="Status" options={statusOptions} anyLabel="Any status" />
          <SelectFilter param="endpoint" label="Endpoint" options={endpointOptions} anyLabel="Any endpoint" />
          <ClearFiltersButton params={filterParams} />
        </FilterBar>
        <DataTable
          {...list}
          columns={merchantColumns}
          getRowId={rowId}
          rowHref={rowHref}
          label="Merchants"
          empty={<EmptyState title={filtered ? 'No merchants match these filters' : 'No merchants yet'} />}
        />
      </div>
    </>
  );
}
