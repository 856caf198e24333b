// /forbidden: where a signed-in person lands on a page their role may not open.
import { ShieldXIcon } from 'lucide-react';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { buttonVariants } from '@/components/ui/button';
import { homeOf } from '@/lib/auth/page-access';
import { currentPageUser } from '@/app/_auth/require-page-user';

export const dynamic = 'force-dynamic';

export const metadata = { title: 'Not allowed — Paygate' };

export default async function ForbiddenPage() {
  const user = await currentPageUser();
  if (!user) redirect('/login');
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-4 px-4 py-10" data-testid="forbidden">
      <ShieldXIcon aria-hidden className="size-8 text-destructive" />
      <h1 className="text-2xl font-semibold tracking-tight">Not allowed</h1>
      <p className="text-muted-foreground">Your role ({user.role}) may not open that page. Ask an admin if you need it.</p>
      <Link href={homeOf(user)} className={buttonVariants({ variant: 'outline', className: 'w-fit' })}>
        Back to your home
      </Link>
    </main>
  );
}
