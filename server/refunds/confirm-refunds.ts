import type { SweepContext, SweepResult } from '@/server/lifecycle/sweep-attempts';
import { claimDueRefunds } from './claim-due-refunds';
import { lookAtRefund } from './look-at-refund';

/**
 * DESIGN §9 confirm refunds, one pass: every open refund whose look is due (its own job went missing, or a crash
 * came between reserving it and submitting it) is submitted again with the same number, or queried, a few at a time.
 */
export async function confirmRefunds({ db, boss, settings, limit = 200 }: SweepContext): Promise<SweepResult> {
  const refunds = await claimDueRefunds({ db, limit, leaseSeconds: settings.leaseSeconds });
  const items: { id: string; outcome: string }[] = [];
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < refunds.length; index = next++) {
      const refund = refunds[index];
      items.push({ id: refund.id, outcome: await lookAtRefund({ db, boss, refund, settings }) });
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, refunds.length) }, lane));
  return { examined: refunds.length, outcomes: countOutcomes(items), items };
}

export function countOutcomes(items: { outcome: string }[]): Record<string, number> {
  const outcomes: Record<string, number> = {};
  for (const item of items) outcomes[item.outcome] = (outcomes[item.outcome] ?? 0) + 1;
  return outcomes;
}
