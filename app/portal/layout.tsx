// The merchant portal's frame (DESIGN §8): only the merchant's own users past the page guard; navigation for their
// role, the live indicator, and the account menu with "Sign out".
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { merchantNavigation, navigationForRole } from '@/components/shell/navigation';
import { BusinessTimeZoneProvider } from '@/components/ui/business-time-zone';
import { AccountMenu } from '@/features/auth/components/account-menu';
import { LiveEventsProvider } from '@/features/live/components/live-events-provider';
import { LiveIndicator } from '@/features/live/components/live-indicator';
import { getEnv } from '@/lib/env';
import { requirePageUser } from '@/app/_auth/require-page-user';

export const dynamic = 'force-dynamic';

export const metadata = { title: { default: 'Merchant portal — Paygate', template: '%s — Paygate portal' } };

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser({ audience: 'merchant', path: '/portal' });
  return (
    <BusinessTimeZoneProvider timeZone={getEnv().SETTLEMENT_TIMEZONE}>
      <LiveEventsProvider>
        <AppShell
          navigation={navigationForRole(merchantNavigation, user.role)}
          area="Merchant portal"
          homeHref="/portal"
          status={<LiveIndicator />}
          userMenu={<AccountMenu user={{ email: user.email, role: user.role }} />}
        >
          {children}
        </AppShell>
      </LiveEventsProvider>
    </BusinessTimeZoneProvider>
  );
}
