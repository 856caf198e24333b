'use client';

import { useMayCall } from '@/components/shell/section-context';
import { bulkRedeliverOperation } from '@/contracts/deliveries';
import { sendTestWebhookOperation } from '@/contracts/developer-settings';
import { DeliveriesPage } from '@/features/deliveries/components/deliveries-page';
import { RecoverSinceDialog } from './recover-since-dialog';
import { TestWebhookDialog } from './test-webhook-dialog';

/** The console's Deliveries, for one merchant, with recovery since a time and a test webhook for roles that may. */
export function PortalDeliveriesPage({ merchantId }: { merchantId: string }) {
  const mayRecover = useMayCall(bulkRedeliverOperation);
  const mayTest = useMayCall(sendTestWebhookOperation);
  return (
    <DeliveriesPage
      actions={
        <>
          {mayTest && <TestWebhookDialog merchantId={merchantId} />}
          {mayRecover && <RecoverSinceDialog />}
        </>
      }
    />
  );
}
