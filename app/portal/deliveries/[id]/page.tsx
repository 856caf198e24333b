// /portal/deliveries/{id}: one webhook, what was sent and every attempt with the merchant's answer.
import { DeliveryDetailPage } from '@/features/deliveries/components/delivery-detail-page';

export const metadata = { title: 'Delivery' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <DeliveryDetailPage id={id} />;
}
