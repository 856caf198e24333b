// The merchant portal's frame (DESIGN §8): only the merchant's own users past the page guard; navigation for their
// role, the live indicator, the account menu with "Sign out", and the banner while the merchant is blocked.
import type { ReactNode } from 'react';
import { merchantNavigation } from '@/components/shell/navigation';
import { BlockedBanner } from '@/features/portal/components/blocked-banner';
import { requirePageUser } from '@/app/_auth/require-page-user';
import { SignedInShell } from '@/app/_shell/signed-in-shell';

export const dynamic = 'force-dynamic';

export const metadata = { title: { default: 'Merchant portal — Paygate', template: '%s — Paygate portal' } };

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser({ audience: 'merchant', path: '/portal' });
  // The guard admits merchant users only, and every merchant user is bound to its merchant.
  const merchantId = user.merchantId ?? '';
  return (
    <SignedInShell user={user} navigation={merchantNavigation} area="Merchant portal" base="/portal">
      <BlockedBanner merchantId={merchantId} />
      {children}
    </SignedInShell>
  );
}
