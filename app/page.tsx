// /: a signed-in person goes to their home (staff the console, merchant users the portal); anyone else signs in.
import { redirect } from 'next/navigation';
import { homeOf } from '@/lib/auth/page-access';
import { currentPageUser } from '@/app/_auth/require-page-user';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const user = await currentPageUser();
  redirect(user ? homeOf(user) : '/login');
}
