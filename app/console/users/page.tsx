// /console/users: the people who sign in (admins only).
import { requirePageUser } from '@/app/_auth/require-page-user';
import { UsersPage } from '@/features/users/components/users-page';

export const metadata = { title: 'Users' };

export default async function Page() {
  const user = await requirePageUser({ audience: 'staff', roles: ['admin'], path: '/console/users' });
  return <UsersPage selfId={user.userId} />;
}
