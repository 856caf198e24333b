/** The business day's zone when none is configured (DESIGN: `SETTLEMENT_TIMEZONE`, default Asia/Shanghai). */
export const DEFAULT_BUSINESS_TIME_ZONE = 'Asia/Shanghai';

/** Whether Intl knows the zone, so a bad setting fails loudly instead of silently showing UTC. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
