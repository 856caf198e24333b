import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { queues } from '@/lib/queue/queues';
import { accrueCampaignRewards } from '@/server/campaigns/accrue-campaign-rewards';
import { workPaymentSubscriber } from '../work-payment-subscriber';

/** `campaign`: rewards of qualifying payments, once per payment, within budget; idempotent on the event id. */
export async function registerCampaignSubscriber({ boss, db }: { boss: PgBoss; db: Db }) {
  await workPaymentSubscriber({
    boss,
    queue: queues.campaign,
    loops: 1,
    batchSize: 500,
    pollingIntervalSeconds: 1,
    handleBatch: (events) => accrueCampaignRewards({ db, events }),
  });
}
