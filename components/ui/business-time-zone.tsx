'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { DEFAULT_BUSINESS_TIME_ZONE } from '@/lib/format/business-time-zone';

const BusinessTimeZoneContext = createContext(DEFAULT_BUSINESS_TIME_ZONE);

/**
 * The business time zone for everything below. A server layout passes the configured `SETTLEMENT_TIMEZONE`; the
 * browser never reads the environment. Without a provider, times are shown in Asia/Shanghai.
 */
export function BusinessTimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <BusinessTimeZoneContext value={timeZone}>{children}</BusinessTimeZoneContext>;
}

/** The zone times are shown in, for formatters called outside `<Time>` (chart ticks, CSV names). */
export function useBusinessTimeZone(): string {
  return useContext(BusinessTimeZoneContext);
}
