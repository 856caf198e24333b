// The staff console's frame (DESIGN §8): navigation, the live indicator and one live stream for every page under it.
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { staffNavigation } from '@/components/shell/navigation';
import { BusinessTimeZoneProvider } from '@/components/ui/business-time-zone';
import { LiveEventsProvider } from '@/features/live/components/live-events-provider';
import { LiveIndicator } from '@/features/live/components/live-indicator';
import { getEnv } from '@/lib/env';

export const dynamic = 'force-dynamic';

export const metadata = { title: { default: 'Staff console — Paygate', template: '%s — Paygate console' } };

export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <BusinessTimeZoneProvider timeZone={getEnv().SETTLEMENT_TIMEZONE}>
      <LiveEventsProvider>
        <AppShell navigation={staffNavigation} area="Staff console" homeHref="/console" status={<LiveIndicator />}>
          {children}
        </AppShell>
      </LiveEventsProvider>
    </BusinessTimeZoneProvider>
  );
}
