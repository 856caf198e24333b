'use client';

import type { z } from 'zod';
import { createDataTableColumns } from '@/components/data-table/data-table-features';
import { Time } from '@/components/ui/time';
import type { auditEventSchema } from '@/contracts/audit';
import { describeAuditAction, describeSubjectType, fieldChanges, subjectHref } from '../describe-audit-event';

export type AuditRow = z.output<typeof auditEventSchema>;

const column = createDataTableColumns<AuditRow>();

function Change({ row }: { row: AuditRow }) {
  const changes = fieldChanges(row.before, row.after);
  if (changes.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <ul className="flex min-w-48 max-w-80 flex-col gap-0.5 whitespace-normal text-xs">
      {changes.map((change) => (
        <li key={change.field} className="break-all">
          <span className="text-muted-foreground">{change.field}:</span> {change.before} → {change.after}
        </li>
      ))}
    </ul>
  );
}

const when = column.accessor('createdAt', { header: 'When', cell: ({ getValue }) => <Time value={getValue()} format="precise" /> });
const who = column.accessor('actor', {
  header: 'Who',
  cell: ({ getValue }) => (
    <span className="break-all font-medium" data-testid="audit-actor">
      {getValue()}
    </span>
  ),
});
const did = column.accessor('action', {
  header: 'Did',
  cell: ({ getValue }) => <span data-testid="audit-action">{describeAuditAction(getValue())}</span>,
});
const to = column.accessor('subjectId', {
  header: 'To',
  cell: ({ row }) => (
    <span className="flex flex-col">
      <span>{describeSubjectType(row.original.subjectType)}</span>
      <span className="max-w-36 truncate font-mono text-xs text-muted-foreground" title={row.original.subjectId}>
        {row.original.subjectId}
      </span>
    </span>
  ),
  meta: { hideBelow: 'md' },
});
const why = column.accessor('reason', {
  header: 'Why',
  cell: ({ getValue }) => (
    <span className="line-clamp-3 max-w-72 whitespace-normal" data-testid="audit-reason">
      {getValue() ?? '—'}
    </span>
  ),
});
const change = column.display({
  id: 'change',
  header: 'Before → after',
  cell: ({ row }) => <Change row={row.original} />,
  meta: { hideBelow: 'lg' },
});

export const auditColumns = column.columns([when, who, did, to, why, change]);

/** For one subject's own trail (a merchant's page), where the subject goes without saying. */
export const subjectAuditColumns = column.columns([when, who, did, why, change]);

export const auditRowId = (row: AuditRow) => row.id;

/** Each row leads to its subject's page, or, for a subject without one, to the trail of that subject alone. */
export const auditRowHref = (row: AuditRow) =>
  subjectHref(row.subjectType, row.subjectId) ??
  `/console/audit?subjectType=${encodeURIComponent(row.subjectType)}&subjectId=${encodeURIComponent(row.subjectId)}`;
