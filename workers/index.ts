// The worker process: boots the queue, registers every job handler, and stops gracefully.
import { getPrisma } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import { createBoss } from '@/lib/queue/boss';
import { createQueues } from '@/lib/queue/queues';
import { lifecycleSettingsFrom } from '@/server/lifecycle/lifecycle-settings';
import { autoBlockPolicyFrom } from '@/server/risk/auto-block-policy';
import { getSandboxKeys } from '@/server/sandbox/sandbox-keys';
import { registerCampaignSubscriber } from './jobs/campaign-subscriber';
import { registerCheckAttempt } from './jobs/check-attempt';
import { registerCheckRefund } from './jobs/check-refund';
import { registerCompactDashboardStats } from './jobs/compact-dashboard-stats';
import { registerDeliverWebhook } from './jobs/deliver-webhook';
import { registerExtraPayment } from './jobs/extra-payment';
import { registerLifecycleSweeps } from './jobs/lifecycle-sweeps';
import { registerPromotionSubscriber } from './jobs/promotion-subscriber';
import { registerPruneRiskAggregates } from './jobs/prune-risk-aggregates';
import { registerRequeueStrandedDeliveries } from './jobs/requeue-stranded-deliveries';
import { registerRiskSubscriber } from './jobs/risk-subscriber';
import { registerSendSandboxCallback } from './jobs/send-sandbox-callback';
import { registerSettlementSchedules } from './jobs/settlement-schedules';

const env = getEnv();
const db = getPrisma();
const boss = createBoss(env.DATABASE_URL, 'worker');
await boss.start();
await createQueues(boss);
await getSandboxKeys(db);

const callbackUrl = env.SANDBOX_CALLBACK_URL ?? `http://127.0.0.1:${env.PORT}/api/callbacks/sandbox`;
await registerSendSandboxCallback({ boss, db, callbackUrl });
await registerDeliverWebhook({
  boss,
  db,
  settings: {
    schedule: env.DELIVERY_RETRY_SCHEDULE,
    disableAfterSeconds: env.DELIVERY_DISABLE_AFTER_SECONDS,
    timeoutMs: env.DELIVERY_TIMEOUT_MS,
    allowlist: env.NOTIFY_URL_ALLOWLIST,
  },
  merchantConcurrency: env.DELIVERY_MERCHANT_CONCURRENCY,
  concurrency: env.WORKER_CONCURRENCY,
});
await registerRiskSubscriber({ boss, db, policy: autoBlockPolicyFrom(env) });
await registerCampaignSubscriber({ boss, db });
await registerPromotionSubscriber({ boss, db });
await registerPruneRiskAggregates({
  boss,
  db,
  retention: { bucketRetentionHours: env.RISK_BUCKET_RETENTION_HOURS, processedEventRetentionDays: env.PROCESSED_EVENT_RETENTION_DAYS },
});
await registerRequeueStrandedDeliveries({ boss, db, graceSeconds: env.STRANDED_DELIVERY_GRACE_SECONDS });
const lifecycle = lifecycleSettingsFrom(env);
await registerCheckAttempt({ boss, db, settings: lifecycle });
await registerCheckRefund({ boss, db, settings: lifecycle });
await registerExtraPayment({ boss, db, settings: lifecycle });
await registerLifecycleSweeps({ boss, db, settings: lifecycle, cron: env.LIFECYCLE_SWEEP_CRON });
await registerSettlementSchedules({ boss, db, settings: lifecycle, settleCron: env.SETTLE_CRON, reconcileCron: env.RECONCILE_CRON });
await registerCompactDashboardStats({ boss, db });
logger.info({ pid: process.pid }, 'worker ready');

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'worker stopping');
  // Jobs in flight get time to finish; anything cut short is retried by another worker.
  await boss.stop({ graceful: true, timeout: 10_000 });
  await db.$disconnect();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

// Under `npm start`, a worker whose supervisor died (even by SIGKILL) must not live on as an orphan.
if (process.env.PROCESS_ROLE === 'worker') {
  const supervisor = process.ppid;
  setInterval(() => process.ppid !== supervisor && void shutdown('supervisor gone'), 2_000).unref();
}
