import { closeFinishedPayments } from './close-finished-payments';
import { sweepAttempts, type SweepContext, type SweepResult } from './sweep-attempts';

/**
 * DESIGN §9 close expired, one pass: every attempt past its expiry (or closing) whose look is due is queried, closed
 * at the provider and queried again; then payments whose attempts have all ended unpaid past expiry are closed
 * (attempts whose order could not even be placed have no look to wait for).
 */
export async function closeExpired(context: SweepContext): Promise<SweepResult> {
  const swept = await sweepAttempts({ ...context, which: 'expired' });
  const closedPayments = await context.db.$transaction((tx) => closeFinishedPayments(tx));
  return {
    examined: swept.examined + closedPayments.length,
    outcomes: { ...swept.outcomes, ...(closedPayments.length ? { payment_closed: closedPayments.length } : {}) },
    items: [...swept.items, ...closedPayments.map((id) => ({ id, outcome: 'payment_closed' }))],
  };
}
