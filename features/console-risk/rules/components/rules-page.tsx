'use client';

import { PencilIcon, PlusIcon } from 'lucide-react';
import { DataTable } from '@/components/data-table/data-table';
import { createDataTableColumns } from '@/components/data-table/data-table-features';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Time } from '@/components/ui/time';
import { toast } from '@/components/ui/use-toast';
import { PageHeader } from '@/components/shell/page-header';
import { formatStatus } from '@/lib/format/format-status';
import { useChangeRule } from '@/features/console-risk/api/change-rule';
import { useRules, type RiskRule } from '@/features/console-risk/api/get-rules';
import { describeParams } from '@/features/console-risk/rules/rule-fields';
import { EnableRuleDialog } from './enable-rule-dialog';
import { RuleEditorDialog } from './rule-editor-dialog';

function RuleActions({ rule }: { rule: RiskRule }) {
  const change = useChangeRule();
  return (
    <div className="flex justify-end gap-2">
      <RuleEditorDialog
        rule={rule}
        trigger={
          <Button size="sm" variant="ghost" aria-label={`Edit ${rule.name}`}>
            <PencilIcon aria-hidden />
            Edit
          </Button>
        }
      />
      {rule.enabled ? (
        <Button
          size="sm"
          variant="outline"
          loading={change.isPending}
          onClick={async () => {
            await change.mutateAsync({ ruleId: rule.id, change: 'disable' });
            toast({ title: `${rule.name} is disabled` });
          }}
        >
          Disable
        </Button>
      ) : (
        <EnableRuleDialog rule={rule} />
      )}
    </div>
  );
}

const column = createDataTableColumns<RiskRule>();
const columns = column.columns([
  column.accessor('name', { header: 'Rule', cell: (cell) => <span className="font-medium">{cell.getValue()}</span> }),
  column.accessor('kind', { header: 'Kind', cell: (cell) => formatStatus(cell.getValue()), meta: { hideBelow: 'md' } }),
  column.display({
    id: 'params',
    header: 'Parameters',
    cell: ({ row }) => <span className="whitespace-normal text-xs">{describeParams(row.original.kind, row.original.params)}</span>,
    meta: { hideBelow: 'lg' },
  }),
  column.accessor('action', {
    header: 'Action',
    cell: (cell) => (
      <Badge tone={cell.getValue() === 'block' ? 'danger' : 'neutral'}>{cell.getValue() === 'block' ? 'Block' : 'Alert'}</Badge>
    ),
  }),
  column.accessor('enabled', {
    header: 'State',
    cell: (cell) => <Badge tone={cell.getValue() ? 'success' : 'neutral'}>{cell.getValue() ? 'Enabled' : 'Disabled'}</Badge>,
  }),
  column.accessor('updatedAt', { header: 'Changed', cell: (cell) => <Time value={cell.getValue()} relative />, meta: { hideBelow: 'lg' } }),
  column.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) => <RuleActions rule={row.original} />,
  }),
]);

/** The risk rules: what each watches, its action, enabled or not; edit, backtest, enable and disable (admins). */
export function RulesPage() {
  const rules = useRules();
  return (
    <>
      <PageHeader
        title="Rules"
        description="What the risk engine judges every paid order against. Backtest a rule over past payments before enabling it."
        actions={
          <RuleEditorDialog
            trigger={
              <Button>
                <PlusIcon aria-hidden />
                New rule
              </Button>
            }
          />
        }
      />
      <DataTable
        label="Rules"
        columns={columns}
        data={rules.data?.items}
        isLoading={rules.isPending}
        error={rules.error ?? undefined}
        onRetry={() => rules.refetch()}
        getRowId={(rule) => rule.id}
        empty={<EmptyState title="No rules yet" description="Create one, backtest it, then enable it." />}
        footer={null}
      />
    </>
  );
}
