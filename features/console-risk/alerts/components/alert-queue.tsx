'use client';

import { useQueryStates } from 'nuqs';
import { useMemo } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import { useKeysetList } from '@/components/data-table/use-keyset-list';
import { choiceFilter, instantFilter, searchFilter } from '@/components/filters/filter-parsers';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/shell/page-header';
import { useAlerts, type AlertFilters as Filters } from '@/features/console-risk/api/get-alerts';
import { toAlertView, useRuleIndex, type AlertView } from '@/features/console-risk/alerts/use-alert-view';
import { alertColumns } from './alert-columns';
import { AlertFilters } from './alert-filters';

const filterParsers = { status: choiceFilter, kind: choiceFilter, merchantId: searchFilter, since: instantFilter, until: instantFilter };
const rowId = (alert: AlertView) => alert.id;
const rowHref = (alert: AlertView) => `/console/alerts/${alert.id}`;

/** The risk queue: every alert newest first, live, filtered by the URL. */
export function AlertQueue() {
  const [params] = useQueryStates(filterParsers);
  const filters: Filters = {
    status: params.status ?? undefined,
    kind: params.kind ?? undefined,
    merchantId: params.merchantId?.trim() || undefined,
    since: params.since?.toISOString(),
    until: params.until?.toISOString(),
  };
  const query = useAlerts(filters);
  const list = useKeysetList(query);
  const rules = useRuleIndex();
  const rows = useMemo(() => list.data?.map((alert) => toAlertView(alert, rules)), [list.data, rules]);
  const filtered = Object.values(filters).some((value) => value !== undefined);
  return (
    <>
      <PageHeader title="Alerts" description="Risk alerts as they open, newest first. Open one to see its evidence and decide it." />
      <div className="flex flex-col gap-4">
        <AlertFilters />
        <DataTable
          {...list}
          data={rows}
          columns={alertColumns}
          getRowId={rowId}
          rowHref={rowHref}
          label="Alerts"
          empty={
            <EmptyState
              title={filtered ? 'No alerts match these filters' : 'No alerts yet'}
              description={filtered ? 'Clear a filter to see more.' : 'Alerts appear here the moment a rule fires.'}
            />
          }
        />
      </div>
    </>
  );
}
