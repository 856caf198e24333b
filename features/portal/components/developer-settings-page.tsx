'use client';

import { PageHeader } from '@/components/shell/page-header';
import { useMayCall } from '@/components/shell/section-context';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { updateMerchantOperation } from '@/contracts/merchants';
import { useMerchant } from '@/features/merchants/api/get-merchant';
import { ApiKeyCard } from './api-key-card';
import { NotifyUrlCard } from './notify-url-card';
import { SecretRotationCard } from './secret-rotation-card';

/** Developer settings: the notify URL (tested before it is saved), the signing secret's rotation, the API key. */
export function DeveloperSettingsPage({ merchantId }: { merchantId: string }) {
  const merchant = useMerchant(merchantId);
  const mayChange = useMayCall(updateMerchantOperation);
  const header = (
    <PageHeader
      title="Developer settings"
      description="How your server talks to Paygate: where webhooks go, how they are signed, and the key your server calls us with."
    />
  );
  if (merchant.isError && !merchant.data)
    return (
      <>
        {header}
        <ErrorState error={merchant.error} onRetry={() => merchant.refetch()} retrying={merchant.isRefetching} />
      </>
    );
  const data = merchant.data;
  return (
    <>
      {header}
      {!data ? (
        <div className="flex flex-col gap-6">
          <Skeleton className="h-48 w-full" />
          <Skeleton className="h-40 w-full" />
        </div>
      ) : (
        <div className="grid max-w-4xl gap-6">
          <NotifyUrlCard key={data.notifyUrl} merchantId={merchantId} notifyUrl={data.notifyUrl} mayChange={mayChange} />
          <SecretRotationCard merchantId={merchantId} mayChange={mayChange} />
          <ApiKeyCard merchantId={merchantId} apiKeyPrefix={data.apiKeyPrefix} mayChange={mayChange} />
        </div>
      )}
    </>
  );
}
