import { Suspense } from 'react';
import { MerchantList } from '@/features/console-risk/merchants/components/merchant-list';

export const metadata = { title: 'Merchants · Paygate' };

export default function MerchantsPage() {
  return (
    <Suspense>
      <MerchantList />
    </Suspense>
  );
}
