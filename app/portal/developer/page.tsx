// /portal/developer: notify URL (tested before it is saved), signing secret rotation, API key. Viewers read only.
import { DeveloperSettingsPage } from '@/features/portal/components/developer-settings-page';
import { requirePageUser } from '@/app/_auth/require-page-user';

export const metadata = { title: 'Developer settings' };

export default async function Page() {
  const user = await requirePageUser({ audience: 'merchant', path: '/portal/developer' });
  return <DeveloperSettingsPage merchantId={user.merchantId ?? ''} />;
}
