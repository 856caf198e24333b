// /login: people sign in with email and password (DESIGN §5); someone signed in already goes to their home.
import { WebhookIcon } from 'lucide-react';
import { redirect } from 'next/navigation';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { safeNextPath } from '@/features/auth/safe-next-path';
import { HealthStatus } from '@/features/system/components/health-status';
import { homeOf } from '@/lib/auth/page-access';
import { currentPageUser } from '@/app/_auth/require-page-user';

export const dynamic = 'force-dynamic';

export const metadata = { title: 'Sign in — Paygate' };

type LoginPageProps = { searchParams: Promise<{ next?: string | string[] }> };

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const { next } = await searchParams;
  const nextPath = safeNextPath(typeof next === 'string' ? next : undefined);
  const user = await currentPageUser();
  if (user) redirect(nextPath === '/' ? homeOf(user) : nextPath);
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-sm flex-col justify-center gap-6 px-4 py-10">
      <header className="flex flex-col gap-1">
        <p className="flex items-center gap-2 text-sm font-medium text-primary">
          <WebhookIcon aria-hidden className="size-4" />
          Payment notification gateway
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Paygate</h1>
      </header>
      <Card>
        <CardHeader>
          <CardTitle>Sign in</CardTitle>
          <CardDescription>Staff open the console; merchant users their portal.</CardDescription>
        </CardHeader>
        <CardContent>
          <SignInForm next={nextPath} />
        </CardContent>
      </Card>
      <p className="text-sm text-muted-foreground">
        System: <HealthStatus />
      </p>
    </main>
  );
}
