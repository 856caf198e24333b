// /portal/settlements: the merchant's own daily settlements, filtered in the URL, exportable as CSV.
import { requirePageUser } from '@/app/_auth/require-page-user';
import { SettlementsPage } from '@/features/settlements/components/settlements-page';

export const metadata = { title: 'Settlements' };

export default async function Page() {
  await requirePageUser({ audience: 'merchant', path: '/portal/settlements' });
  return <SettlementsPage audience="merchant" />;
}
