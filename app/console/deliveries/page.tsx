import { DeliveriesPage } from '@/features/deliveries/components/deliveries-page';

export const metadata = { title: 'Deliveries' };

export default function Page() {
  return <DeliveriesPage />;
}
