// /portal: the merchant's home: today and 7 days, the hourly chart, delivery health.
import { PortalHome } from '@/features/portal/components/portal-home';
import { requirePageUser } from '@/app/_auth/require-page-user';

export const metadata = { title: 'Home' };

export default async function PortalPage() {
  const user = await requirePageUser({ audience: 'merchant', path: '/portal' });
  return <PortalHome merchantId={user.merchantId ?? ''} />;
}
