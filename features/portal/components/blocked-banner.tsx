'use client';

import { ShieldAlertIcon } from 'lucide-react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { useMerchant } from '@/features/merchants/api/get-merchant';

/**
 * Above every portal page while the merchant is blocked, and gone the moment it is lifted (the live stream refetches
 * the merchant). It says what a block does, as the system does it: payments are refused when they are placed, money
 * already moving still settles, and webhooks keep coming.
 */
export function BlockedBanner({ merchantId }: { merchantId: string }) {
  const merchant = useMerchant(merchantId);
  if (merchant.data?.status !== 'blocked') return null;
  return (
    <Alert tone="danger" className="mb-6" data-testid="blocked-banner">
      <ShieldAlertIcon aria-hidden />
      <AlertTitle>Your merchant account is blocked</AlertTitle>
      <AlertDescription>
        <ul className="list-disc pl-4">
          <li>
            New payments are refused: <code className="font-mono text-xs">POST /api/payments</code> answers 403{' '}
            <code className="font-mono text-xs">merchant_blocked</code>, a shopper&apos;s retry of a pending order too.
          </li>
          <li>Payments already placed still settle when the provider confirms them; they are marked as paid while blocked.</li>
          <li>Webhooks for them keep being delivered and retried, and you can still redeliver and change your developer settings.</li>
          <li>Orders, deliveries and settlements stay readable here. Paygate&apos;s risk team lifts the block after review.</li>
        </ul>
      </AlertDescription>
    </Alert>
  );
}
