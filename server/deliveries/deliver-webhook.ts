import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { claimDelivery } from './claim-delivery';
import { getDeliveryAgent } from './delivery-agent';
import { recordAttempt, type DeliveryPolicy, type Outcome } from './record-attempt';
import { sendWebhook } from './send-webhook';
import { signWebhook } from './sign-webhook';

export type DeliverySettings = DeliveryPolicy & { timeoutMs: number; allowlist: readonly string[] };

type Deliver = { db: Db; boss: PgBoss; deliveryId: string; attempt: number; step: number; settings: DeliverySettings };

export class DeliveryBusyError extends Error {}

/**
 * One attempt of one delivery: claim it, sign it, POST it, record what happened. Safe to run twice for
 * the same job (a retried job finds its attempt already recorded and does nothing).
 */
export async function deliverWebhook({ db, boss, deliveryId, attempt, step, settings }: Deliver): Promise<Outcome | 'skipped'> {
  const leaseSeconds = Math.ceil(settings.timeoutMs / 1000) + 5;
  const claim = await claimDelivery(db, { deliveryId, attempt, leaseSeconds });
  if (claim.kind === 'stale') return 'skipped';
  if (claim.kind === 'busy') throw new DeliveryBusyError(`delivery ${deliveryId} is being sent by another worker`);
  const { delivery } = claim;

  if (delivery.endpointDisabledReason) {
    await db.delivery.update({
      where: { id: delivery.id },
      data: { status: 'failed', leaseUntil: null, lastError: `endpoint disabled: ${delivery.endpointDisabledReason}` },
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
  return recordAttempt({ db, boss, delivery, attempt, step, url: delivery.notifyUrl, result, policy: settings });
}
