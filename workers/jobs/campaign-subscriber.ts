import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { jobs } from '@/lib/queue/jobs';
import { accrueCampaignRewards } from '@/server/campaigns/accrue-campaign-rewards';
import { workPaymentSubscriber } from '../work-payment-subscriber';

/** `campaign`: rewards of qualifying payments, once per payment, within budget; idempotent on the event id. */
export async function registerCampaignSubscriber({ boss, db }: { boss: PgBoss; db: Db }) {
  await workPaymentSubscriber({
    boss,
    subscriber: jobs.campaign,
    loops: 1,
    batchSize: 500,
    pollingIntervalSeconds: 1,
    handleBatch: (events) => accrueCampaignRewards({ db, events }),
  });
}
