// The staff console's frame (DESIGN §8): only staff past the page guard; navigation for their role, the live
// indicator, one live stream for every page under it, and the account menu with "Sign out".
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { navigationForRole, staffNavigation } from '@/components/shell/navigation';
import { BusinessTimeZoneProvider } from '@/components/ui/business-time-zone';
import { AccountMenu } from '@/features/auth/components/account-menu';
import { LiveEventsProvider } from '@/features/live/components/live-events-provider';
import { LiveIndicator } from '@/features/live/components/live-indicator';
import { getEnv } from '@/lib/env';
import { requirePageUser } from '@/app/_auth/require-page-user';

export const dynamic = 'force-dynamic';

export const metadata = { title: { default: 'Staff console — Paygate', template: '%s — Paygate console' } };

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser({ audience: 'staff' });
  return (
    <BusinessTimeZoneProvider timeZone={getEnv().SETTLEMENT_TIMEZONE}>
      <LiveEventsProvider>
        <AppShell
          navigation={navigationForRole(staffNavigation, user.role)}
          area="Staff console"
          homeHref="/console"
          status={<LiveIndicator />}
          userMenu={<AccountMenu user={{ email: user.email, role: user.role }} />}
        >
          {children}
        </AppShell>
      </LiveEventsProvider>
    </BusinessTimeZoneProvider>
  );
}
