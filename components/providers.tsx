'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { useState, type ReactNode } from 'react';
import { BusinessTimeZoneProvider } from '@/components/ui/business-time-zone';
import { Toaster } from '@/components/ui/toaster';
import { TooltipProvider } from '@/components/ui/tooltip';
import { DEFAULT_BUSINESS_TIME_ZONE } from '@/lib/format/business-time-zone';

type ProvidersProps = {
  children: ReactNode;
  /** The business time zone (SETTLEMENT_TIMEZONE) read by a server layout; Asia/Shanghai when absent. */
  timeZone?: string;
};

/** Everything the browser side needs once: queries, URL state (nuqs), tooltips, toasts and the business time zone. */
export function Providers({ children, timeZone = DEFAULT_BUSINESS_TIME_ZONE }: ProvidersProps) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 1_000 } } }));
  return (
    <QueryClientProvider client={client}>
      <NuqsAdapter>
        <BusinessTimeZoneProvider timeZone={timeZone}>
          <TooltipProvider>
            {children}
            <Toaster />
          </TooltipProvider>
        </BusinessTimeZoneProvider>
      </NuqsAdapter>
    </QueryClientProvider>
  );
}
