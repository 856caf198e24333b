'use client';

import Link from 'next/link';
import { DataTable } from '@/components/data-table/data-table';
import { useKeysetList } from '@/components/data-table/use-keyset-list';
import { EmptyState } from '@/components/ui/empty-state';
import { useMerchantAuditTrail } from '../api/get-audit-events';
import { auditRowHref, auditRowId, subjectAuditColumns } from './audit-columns';

/** The merchant page's audit trail: what people (and the risk engine) did to this merchant and its alerts, newest first. */
export function MerchantAuditTrail({ merchantId }: { merchantId: string }) {
  const list = useKeysetList(useMerchantAuditTrail(merchantId));
  return (
    <section className="flex flex-col gap-3" aria-labelledby="merchant-audit">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="merchant-audit" className="text-lg font-semibold">
          Audit trail
        </h2>
        <Link
          href={`/console/audit?merchantId=${encodeURIComponent(merchantId)}`}
          className="text-sm font-medium text-primary underline-offset-4 hover:underline"
        >
          Open in Audit
        </Link>
      </div>
      <DataTable
        {...list}
        label="Merchant audit trail"
        columns={subjectAuditColumns}
        getRowId={auditRowId}
        rowHref={auditRowHref}
        skeletonRows={3}
        empty={
          <EmptyState title="No actions yet" description="Blocks, unblocks, decisions on its alerts and setting changes appear here." />
        }
      />
    </section>
  );
}
