'use client';

import { PlayIcon } from 'lucide-react';
import { useId, useState } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import { createDataTableColumns } from '@/components/data-table/data-table-features';
import { useBusinessTimeZone } from '@/components/ui/business-time-zone';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Time } from '@/components/ui/time';
import { formatDateTime } from '@/lib/format/format-date-time';
import { formatCount } from '@/lib/format/format-number';
import { zonedTimeToInstant } from '@/lib/format/zoned-time-to-instant';
import type { RuleDefinition } from '@/contracts/risk-rules';
import { useBacktest } from '@/features/console-risk/api/change-rule';
import { readEvidence } from '@/features/console-risk/alerts/read-evidence';
import { MerchantName } from '@/features/console-risk/shared/components/merchant-name';

type BacktestAlert = { merchantId: string; paymentId: string; eventAt: string; hitCount: number; evidence: Record<string, unknown> };

const column = createDataTableColumns<BacktestAlert & { kind: string }>();
const columns = column.columns([
  column.display({ id: 'merchant', header: 'Merchant', cell: ({ row }) => <MerchantName merchantId={row.original.merchantId} /> }),
  column.display({
    id: 'evidence',
    header: 'Evidence',
    cell: ({ row }) => <span className="whitespace-normal">{readEvidence(row.original.kind, row.original.evidence).summary}</span>,
  }),
  column.accessor('hitCount', { header: 'Hits', meta: { align: 'end' } }),
  column.accessor('eventAt', { header: 'Would have opened', cell: (cell) => <Time value={cell.getValue()} /> }),
]);

const DAY_MS = 86_400_000;

/**
 * Runs a stored rule, or the parameters being edited, over a chosen past range (at most 31 days) and shows the alerts
 * it would have raised. Nothing is stored or changed.
 */
export function BacktestPanel({ ruleId, proposal }: { ruleId?: string; proposal?: () => RuleDefinition | null }) {
  const timeZone = useBusinessTimeZone();
  const id = useId();
  const asInput = (date: Date) => formatDateTime(date, timeZone, 'minute').replace(' ', 'T');
  const [range, setRange] = useState(() => {
    const now = Date.now();
    return { from: asInput(new Date(now - 7 * DAY_MS)), to: asInput(new Date(now)) };
  });
  const [rangeError, setRangeError] = useState<string | null>(null);
  const backtest = useBacktest();
  const run = () => {
    const from = zonedTimeToInstant(range.from, timeZone);
    const to = zonedTimeToInstant(range.to, timeZone);
    if (!from || !to || from >= to) return setRangeError('Choose a start before the end.');
    if (to.getTime() - from.getTime() > 31 * DAY_MS) return setRangeError('A backtest covers at most 31 days.');
    const rule = proposal ? proposal() : null;
    if (proposal && !rule) return setRangeError('Correct the parameters first.');
    setRangeError(null);
    backtest.mutate({ from: from.toISOString(), to: to.toISOString(), ...(rule ? { rule } : { ruleId }) });
  };
  const result = backtest.data;
  return (
    <section aria-labelledby={id} className="flex flex-col gap-4">
      <h3 id={id} className="font-semibold">
        Backtest
      </h3>
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-from`}>From ({timeZone})</Label>
          <Input
            id={`${id}-from`}
            type="datetime-local"
            value={range.from}
            onChange={(event) => setRange({ ...range, from: event.target.value })}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-to`}>To ({timeZone})</Label>
          <Input
            id={`${id}-to`}
            type="datetime-local"
            value={range.to}
            onChange={(event) => setRange({ ...range, to: event.target.value })}
          />
        </div>
        <Button type="button" variant="secondary" onClick={run} loading={backtest.isPending}>
          <PlayIcon aria-hidden />
          Run backtest
        </Button>
      </div>
      {rangeError && (
        <p role="alert" className="text-sm text-destructive">
          {rangeError}
        </p>
      )}
      {backtest.error && <ErrorState title="The backtest did not run" error={backtest.error} />}
      {result && (
        <div className="flex flex-col gap-3" data-testid="backtest-result">
          <p className="text-sm">
            {formatCount(result.paymentsEvaluated)} payments evaluated; the rule fired on {formatCount(result.hits)} and would have opened{' '}
            <strong>{formatCount(result.alerts.length)} alerts</strong>.
          </p>
          <DataTable
            label="Alerts it would have raised"
            columns={columns}
            data={result.alerts.map((alert) => ({ ...alert, kind: result.rule.kind }))}
            getRowId={(alert) => `${alert.merchantId}-${alert.paymentId}`}
            rowHref={(alert) => `/console/orders/${alert.paymentId}`}
            empty={<EmptyState title="No alerts in this range" description="The rule would have stayed quiet." />}
            skeletonRows={3}
          />
        </div>
      )}
    </section>
  );
}
