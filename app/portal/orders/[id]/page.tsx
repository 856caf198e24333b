// /portal/orders/{id}: one order's timeline without risk internals; another merchant's answers not found.
import { OrderDetailPage } from '@/features/orders/components/order-detail-page';

export const metadata = { title: 'Order' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <OrderDetailPage id={id} />;
}
