import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import { logger } from '@/lib/logger';
import { deliveryBatchesFor } from './delivery-batches';
import { getDeliveryAgent } from './delivery-agent';
import { recordAttempt, type DeliveryPolicy, type Outcome } from './record-attempt';
import { acknowledged, sendWebhook } from './send-webhook';
import { signWebhook } from './sign-webhook';

export type DeliverySettings = DeliveryPolicy & { timeoutMs: number; allowlist: readonly string[] };

type Deliver = { db: Db; boss: PgBoss; deliveryId: string; attempt: number; step: number; settings: DeliverySettings };

export class DeliveryBusyError extends Error {}

/**
 * One attempt of one delivery: claim it, sign it, POST it, record what happened. Safe to run twice for
 * the same job (a retried job finds its attempt already recorded and does nothing). Claims and successes of
 * deliveries running at the same time share their statements (`delivery-batches.ts`).
 */
export async function deliverWebhook({ db, boss, deliveryId, attempt, step, settings }: Deliver): Promise<Outcome | 'skipped'> {
  const leaseSeconds = Math.ceil(settings.timeoutMs / 1000) + 5;
  const batches = deliveryBatchesFor(db);
  const claim = await batches.claim.add({ deliveryId, attempt, leaseSeconds });
  if (claim.kind === 'stale') return 'skipped';
  if (claim.kind === 'busy') throw new DeliveryBusyError(`delivery ${deliveryId} is being sent by another worker`);
  const { delivery } = claim;

  if (delivery.endpointDisabledReason) {
    await db.$transaction(async (tx) => {
      await tx.delivery.update({
        where: { id: delivery.id },
        data: { status: 'failed', leaseUntil: null, lastError: `endpoint disabled: ${delivery.endpointDisabledReason}` },
      });
      await notifyChanges(tx, [{ kind: 'delivery', id: delivery.id, merchantId: delivery.merchantId }]);
    });
    return 'failed';
  }

  const body = JSON.stringify(delivery.payload);
  const result = await sendWebhook({
    url: delivery.notifyUrl,
    body,
    headers: signWebhook({ id: delivery.id, body, secrets: delivery.secrets, at: new Date() }),
    timeoutMs: settings.timeoutMs,
    dispatcher: getDeliveryAgent(settings.allowlist),
  });
  if (acknowledged(result) && !delivery.endpointFailingSince) {
    // The common case rides on a shared statement; should that batch fail, the attempt is recorded on its own below.
    const delivered = { deliveryId: delivery.id, merchantId: delivery.merchantId, attempt, url: delivery.notifyUrl, result };
    const recorded = await batches.delivered.add(delivered).then(
      () => true,
      (error: unknown) => {
        logger.warn({ err: error, deliveryId: delivery.id }, 'batched record of a delivered webhook failed; recording it alone');
        return false;
      },
    );
    if (recorded) return 'delivered';
  }
  return recordAttempt({ db, boss, delivery, attempt, step, url: delivery.notifyUrl, result, policy: settings });
}
