// The staff console's frame (DESIGN §8): only staff past the page guard; navigation for their role, the live
// indicator, one live stream for every page under it, and the account menu with "Sign out".
import type { ReactNode } from 'react';
import { staffNavigation } from '@/components/shell/navigation';
import { requirePageUser } from '@/app/_auth/require-page-user';
import { SignedInShell } from '@/app/_shell/signed-in-shell';

export const dynamic = 'force-dynamic';

export const metadata = { title: { default: 'Staff console — Paygate', template: '%s — Paygate console' } };

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser({ audience: 'staff' });
  return (
    <SignedInShell user={user} navigation={staffNavigation} area="Staff console" base="/console">
      {children}
    </SignedInShell>
  );
}
