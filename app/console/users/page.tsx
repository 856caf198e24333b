// /console/users: the people who sign in (admins only).
import { PageHeader } from '@/components/shell/page-header';
import { requirePageUser } from '@/app/_auth/require-page-user';

export const metadata = { title: 'Users' };

export default async function UsersPage() {
  await requirePageUser({ audience: 'staff', roles: ['admin'], path: '/console/users' });
  return <PageHeader title="Users" description="Staff and merchant users, and their roles." />;
}
