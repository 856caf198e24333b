import { Suspense } from 'react';
import { MerchantPage } from '@/features/console-risk/merchants/components/merchant-page';

export const metadata = { title: 'Merchant · Paygate' };

export default async function MerchantDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <MerchantPage merchantId={id} />
    </Suspense>
  );
}
