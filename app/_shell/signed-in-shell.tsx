// The frame both signed-in areas share (DESIGN §8): the business time zone, one live stream for every page under it,
// the app shell with the role's navigation, the live indicator and the account menu, and the section shared pages
// read to link within their area and to offer only what the role may do.
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { navigationForRole, type NavSection } from '@/components/shell/navigation';
import { SectionProvider } from '@/components/shell/section-context';
import { BusinessTimeZoneProvider } from '@/components/ui/business-time-zone';
import { AccountMenu } from '@/features/auth/components/account-menu';
import { LiveEventsProvider } from '@/features/live/components/live-events-provider';
import { LiveIndicator } from '@/features/live/components/live-indicator';
import { getEnv } from '@/lib/env';
import type { PageUser } from '@/app/_auth/require-page-user';

type SignedInShellProps = {
  user: PageUser;
  navigation: readonly NavSection[];
  area: string;
  base: '/console' | '/portal';
  children: ReactNode;
};

export function SignedInShell({ user, navigation, area, base, children }: SignedInShellProps) {
  return (
    <BusinessTimeZoneProvider timeZone={getEnv().SETTLEMENT_TIMEZONE}>
      <LiveEventsProvider>
        <SectionProvider section={{ base, audience: user.kind, role: user.role }}>
          <AppShell
            navigation={navigationForRole(navigation, user.role)}
            area={area}
            homeHref={base}
            status={<LiveIndicator />}
            userMenu={<AccountMenu user={{ email: user.email, role: user.role }} />}
          >
            {children}
          </AppShell>
        </SectionProvider>
      </LiveEventsProvider>
    </BusinessTimeZoneProvider>
  );
}
