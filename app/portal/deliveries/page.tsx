// /portal/deliveries: the merchant's webhooks with their attempts, redelivery, recovery since a time, a test webhook.
import { PortalDeliveriesPage } from '@/features/portal/components/portal-deliveries-page';
import { requirePageUser } from '@/app/_auth/require-page-user';

export const metadata = { title: 'Deliveries' };

export default async function Page() {
  const user = await requirePageUser({ audience: 'merchant', path: '/portal/deliveries' });
  return <PortalDeliveriesPage merchantId={user.merchantId ?? ''} />;
}
