'use client';

import { DownloadIcon } from 'lucide-react';
import { useQueryStates } from 'nuqs';
import { DataTable } from '@/components/data-table/data-table';
import { useKeysetList } from '@/components/data-table/use-keyset-list';
import { ClearFiltersButton, FilterBar } from '@/components/filters/filter-bar';
import { SelectFilter } from '@/components/filters/select-filter';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { useMerchantOptions } from '@/features/merchants/api/get-merchant-options';
import { useSettlementList } from '../api/get-settlements';
import { settlementCsvHref, settlementFilterParams, settlementFilterParsers, toSettlementListQuery } from '../settlement-filters';
import { merchantSettlementColumns, staffSettlementColumns } from './settlement-columns';
import { SettlementDateFilter } from './settlement-date-filter';

type SettlementsPageProps = { audience: 'staff' | 'merchant' };

function MerchantFilter() {
  const merchants = useMerchantOptions();
  return <SelectFilter param="merchantId" label="Merchant" anyLabel="Any merchant" options={merchants.data ?? []} />;
}

/**
 * Daily settlements, newest day first: staff across merchants (console), a merchant its own (portal; the API scopes
 * it). Filters live in the URL; "Export CSV" downloads the list as filtered; every row opens its payments and refunds.
 */
export function SettlementsPage({ audience }: SettlementsPageProps) {
  const [filters] = useQueryStates(settlementFilterParsers);
  const query = toSettlementListQuery(audience === 'staff' ? filters : { ...filters, merchantId: null });
  const list = useKeysetList(useSettlementList(query));
  const base = audience === 'staff' ? '/console/settlements' : '/portal/settlements';
  const filtered = Object.keys(query).length > 0;
  return (
    <>
      <PageHeader
        title="Settlements"
        description="One row per merchant and business day: payments less refunds less fees, as booked that day. Test (sandbox) payments are never settled."
        actions={
          <Button asChild variant="outline">
            <a href={settlementCsvHref(query)} download>
              <DownloadIcon aria-hidden />
              Export CSV
            </a>
          </Button>
        }
      />
      <FilterBar aria-label="Filter settlements" className="mb-4">
        {audience === 'staff' && <MerchantFilter />}
        <SettlementDateFilter param="from" label="From day" />
        <SettlementDateFilter param="to" label="To day" />
        <ClearFiltersButton params={settlementFilterParams} />
      </FilterBar>
      <DataTable
        {...list}
        label="Settlements"
        columns={audience === 'staff' ? staffSettlementColumns : merchantSettlementColumns}
        getRowId={(row) => row.id}
        rowHref={(row) => `${base}/${row.id}`}
        empty={
          filtered ? (
            <EmptyState
              title="No settlement in this range"
              description="A day is settled once it has ended; days without payments or refunds have no row."
              action={<ClearFiltersButton params={settlementFilterParams} />}
            />
          ) : (
            <EmptyState title="No settlements yet" description="Each business day is settled shortly after it ends." />
          )
        }
      />
    </>
  );
}
