// /portal/users: the merchant's users (owners only).
import { UsersPage } from '@/features/portal/components/users-page';
import { requirePageUser } from '@/app/_auth/require-page-user';

export const metadata = { title: 'Users' };

export default async function Page() {
  const user = await requirePageUser({ audience: 'merchant', roles: ['owner'], path: '/portal/users' });
  return <UsersPage currentUserId={user.userId} />;
}
