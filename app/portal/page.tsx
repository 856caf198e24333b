// /portal: the merchant portal's home.
import { PageHeader } from '@/components/shell/page-header';
import { requirePageUser } from '@/app/_auth/require-page-user';

export const metadata = { title: 'Home' };

export default async function PortalPage() {
  const user = await requirePageUser({ audience: 'merchant', path: '/portal' });
  return <PageHeader title="Home" description={`Signed in as ${user.email} (${user.role}).`} />;
}
