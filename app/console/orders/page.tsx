import { OrdersPage } from '@/features/orders/components/orders-page';

export const metadata = { title: 'Orders' };

export default function Page() {
  return <OrdersPage />;
}
