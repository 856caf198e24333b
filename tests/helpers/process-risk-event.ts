import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import type { PaymentSucceededEvent } from '@/contracts/events';
import type { AutoBlockPolicy } from '@/server/risk/auto-block-policy';
import { processRiskEvents, type RiskOutcome } from '@/server/risk/process-risk-events';

/** One event through the risk engine, for tests that feed it by hand: a batch of one, so it takes exactly the path the subscriber's batches take. */
export async function processRiskEvent({
  db,
  boss,
  event,
  policy,
}: {
  db: Db;
  boss: PgBoss;
  event: PaymentSucceededEvent;
  policy: AutoBlockPolicy;
}): Promise<RiskOutcome> {
  const [outcome] = await processRiskEvents({ db, boss, events: [event], policy });
  return outcome;
}
