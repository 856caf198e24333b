import { sweepAttempts, type SweepContext, type SweepResult } from './sweep-attempts';

/** DESIGN §9 confirm pending, one pass: every attempt before its expiry whose query is due is queried now. */
export function confirmPending(context: SweepContext): Promise<SweepResult> {
  return sweepAttempts({ ...context, which: 'open' });
}
