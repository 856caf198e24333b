// /portal/orders: the merchant's own orders, live (the API scopes the list to the session's merchant).
import { OrdersPage } from '@/features/orders/components/orders-page';

export const metadata = { title: 'Orders' };

export default function Page() {
  return <OrdersPage />;
}
