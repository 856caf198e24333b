'use client';

import { useQueryStates } from 'nuqs';
import { DataTable } from '@/components/data-table/data-table';
import { useKeysetList } from '@/components/data-table/use-keyset-list';
import { DateTimeRangeFilter } from '@/components/filters/date-time-range-filter';
import { ClearFiltersButton, FilterBar } from '@/components/filters/filter-bar';
import { SearchFilter } from '@/components/filters/search-filter';
import { SelectFilter } from '@/components/filters/select-filter';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { useMerchantOptions } from '@/features/merchants/api/get-merchant-options';
import { useAuditEvents } from '../api/get-audit-events';
import { auditFilterParams, auditFilterParsers, toAuditListQuery } from '../audit-filters';
import { auditActionOptions, describeSubjectType } from '../describe-audit-event';
import { auditColumns, auditRowHref, auditRowId } from './audit-columns';

/** Who did what, when, why, before → after: every person's action, the machine clients' and the risk engine's. */
export function AuditPage() {
  const [filters, setFilters] = useQueryStates(auditFilterParsers);
  const query = toAuditListQuery(filters);
  const list = useKeysetList(useAuditEvents(query));
  const merchants = useMerchantOptions();
  const filtered = Object.keys(query).length > 0;
  return (
    <>
      <PageHeader
        title="Audit"
        description="Every action taken, by whom, when and why, with what it changed. Nothing here is ever edited or removed."
      />
      <FilterBar aria-label="Filter the audit trail" className="mb-4">
        <SearchFilter param="actor" label="Who" placeholder="user:ana@example.com" />
        <SelectFilter param="action" label="Action" anyLabel="Any action" options={auditActionOptions} />
        <SelectFilter param="merchantId" label="Merchant" anyLabel="Any merchant" options={merchants.data ?? []} />
        <DateTimeRangeFilter label="When" />
        {query.subjectType && (
          <Badge tone="outline" className="self-end py-1.5">
            {describeSubjectType(query.subjectType)} {query.subjectId ?? ''}
            <button
              type="button"
              className="ml-1 rounded-sm px-1 hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring"
              aria-label="Show every subject"
              onClick={() => void setFilters({ subjectType: null, subjectId: null })}
            >
              ×
            </button>
          </Badge>
        )}
        <ClearFiltersButton params={auditFilterParams} />
      </FilterBar>
      <DataTable
        {...list}
        label="Audit trail"
        columns={auditColumns}
        getRowId={auditRowId}
        rowHref={auditRowHref}
        empty={
          filtered ? (
            <EmptyState title="Nothing matches these filters" action={<ClearFiltersButton params={auditFilterParams} />} />
          ) : (
            <EmptyState
              title="Nothing recorded yet"
              description="Blocks, alert decisions, rule changes, redeliveries and user changes appear here."
            />
          )
        }
      />
    </>
  );
}
