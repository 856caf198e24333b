'use client';

import { Skeleton } from '@/components/ui/skeleton';
import { useMerchant } from '@/features/console-risk/api/get-merchant';

/** A merchant's name from its id (one cached request per merchant, however many rows name it). */
export function MerchantName({ merchantId }: { merchantId: string | null }) {
  const merchant = useMerchant(merchantId);
  if (!merchantId) return <span className="text-muted-foreground">No merchant</span>;
  if (merchant.isPending) return <Skeleton className="h-4 w-24" />;
  if (!merchant.data) return <span className="font-mono text-xs">{merchantId.slice(0, 8)}</span>;
  return (
    <span className="flex items-center gap-1.5">
      <span className="truncate">{merchant.data.name}</span>
      {merchant.data.status === 'blocked' && <span className="text-xs font-medium text-destructive">(blocked)</span>}
    </span>
  );
}
