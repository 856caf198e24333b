'use client';

import { ArrowLeftIcon } from 'lucide-react';
import Link from 'next/link';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { Time } from '@/components/ui/time';
import { PageHeader } from '@/components/shell/page-header';
import { MerchantAuditTrail } from '@/features/audit/components/merchant-audit-trail';
import { useMerchant } from '@/features/console-risk/api/get-merchant';
import { BlockButton } from './block-button';
import { MerchantActivity } from './merchant-activity';
import { MerchantFigures } from './merchant-figures';

const back = (
  <Link href="/console/merchants" className="inline-flex items-center gap-1 hover:text-foreground">
    <ArrowLeftIcon aria-hidden className="size-4" />
    Merchants
  </Link>
);

/** One merchant: its status and the Block / Unblock button, its figures, its orders, deliveries and alerts, and its audit trail. */
export function MerchantPage({ merchantId }: { merchantId: string }) {
  const query = useMerchant(merchantId);
  const merchant = query.data;
  if (query.error && !merchant)
    return (
      <>
        <PageHeader eyebrow={back} title="Merchant" />
        <ErrorState error={query.error} onRetry={() => query.refetch()} retrying={query.isRefetching} />
      </>
    );
  if (!merchant)
    return (
      <>
        <PageHeader eyebrow={back} title={<Skeleton className="h-8 w-64" />} />
        <Skeleton className="h-48 w-full" />
      </>
    );
  return (
    <>
      <PageHeader
        eyebrow={back}
        title={merchant.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span data-testid="merchant-status">
              <StatusBadge status={merchant.status} />
            </span>
            <span className="font-mono text-xs">{merchant.id}</span>
            <span>
              since <Time value={merchant.createdAt} format="date" />
            </span>
          </span>
        }
        actions={<BlockButton merchant={merchant} />}
      />
      <div className="flex flex-col gap-6">
        {merchant.status === 'blocked' && (
          <Alert tone="danger">
            <AlertTitle>Blocked</AlertTitle>
            <AlertDescription>
              New payments of this merchant are refused with 403 merchant_blocked. Payments already made still settle.
            </AlertDescription>
          </Alert>
        )}
        {merchant.endpointDisabledAt && (
          <Alert tone="warning">
            <AlertTitle>Deliveries stopped</AlertTitle>
            <AlertDescription>
              Its endpoint was disabled <Time value={merchant.endpointDisabledAt} />: {merchant.endpointDisabledReason}
            </AlertDescription>
          </Alert>
        )}
        <MerchantFigures merchantId={merchantId} />
        <MerchantActivity merchantId={merchantId} />
        <MerchantAuditTrail merchantId={merchantId} />
      </div>
    </>
  );
}
