import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import { jobs } from '@/lib/queue/jobs';
import { sendJob } from '@/lib/queue/send-job';
import type { ClaimedDelivery } from './claim-delivery';
import { nextAttemptDelay } from './next-attempt-delay';
import { acknowledged, type AttemptResult } from './send-webhook';

export type DeliveryPolicy = { schedule: readonly number[]; disableAfterSeconds: number };

type Record = {
  db: Db;
  boss: PgBoss;
  delivery: ClaimedDelivery;
  attempt: number;
  step: number;
  url: string;
  result: AttemptResult;
  policy: DeliveryPolicy;
};

export type Outcome = 'delivered' | 'retrying' | 'failed' | 'disabled';

/**
 * Writes the attempt and what follows from it in one transaction: delivered; or the next attempt
 * queued per the schedule; or, with the schedule spent, failed (the dead-letter set). 410 Gone, or an
 * endpoint failing for longer than the policy allows, disables the endpoint with a visible reason.
 */
export async function recordAttempt({ db, boss, delivery, attempt, step, url, result, policy }: Record): Promise<Outcome> {
  const status = result.statusCode;
  const ok = acknowledged(result);
  const now = result.startedAt;
  const failingSince = delivery.endpointFailingSince ?? now;
  const disableReason = ok
    ? null
    : status === 410
      ? `notifyUrl answered 410 Gone on ${now.toISOString()}`
      : (now.getTime() - failingSince.getTime()) / 1000 >= policy.disableAfterSeconds
        ? `every delivery failed since ${failingSince.toISOString()}`
        : null;
  const delay =
    ok || disableReason
      ? null
      : nextAttemptDelay({
          schedule: policy.schedule,
          step,
          retryAfterSeconds: status === 429 || status === 503 ? result.retryAfterSeconds : null,
        });
  const outcome: Outcome = ok ? 'delivered' : disableReason ? 'disabled' : delay === null ? 'failed' : 'retrying';
  const lastError = ok ? null : (result.error ?? `HTTP ${status}`);

  await db.$transaction(async (tx) => {
    await tx.deliveryAttempt.create({
      data: {
        deliveryId: delivery.id,
        attemptNumber: attempt,
        url,
        startedAt: now,
        durationMs: result.durationMs,
        statusCode: status,
        responseExcerpt: result.responseExcerpt,
        error: result.error,
      },
    });
    await tx.delivery.update({
      where: { id: delivery.id },
      data: {
        status: ok ? 'delivered' : outcome === 'retrying' ? 'pending' : 'failed',
        attemptCount: attempt,
        lastAttemptAt: now,
        deliveredAt: ok ? new Date() : undefined,
        nextAttemptAt: delay === null ? null : new Date(Date.now() + delay * 1000),
        leaseUntil: null,
        lastError,
      },
    });
    if (ok && delivery.endpointFailingSince) {
      await tx.merchant.update({ where: { id: delivery.merchantId }, data: { endpointFailingSince: null } });
    } else if (!ok) {
      await tx.merchant.updateMany({
        where: { id: delivery.merchantId },
        data: disableReason
          ? { endpointFailingSince: failingSince, endpointDisabledAt: now, endpointDisabledReason: disableReason }
          : { endpointFailingSince: failingSince },
      });
    }
    if (delay !== null) {
      await sendJob(
        boss,
        jobs.deliverWebhook,
        { deliveryId: delivery.id, attempt: attempt + 1, step: step + 1 },
        {
          tx,
          startAfter: new Date(Date.now() + delay * 1000),
          group: { id: delivery.merchantId },
        },
      );
    }
    // The merchant changes too when its endpoint starts or stops failing, or is disabled.
    const endpointChanged = disableReason !== null || ok === Boolean(delivery.endpointFailingSince);
    await notifyChanges(tx, [
      { kind: 'delivery', id: delivery.id, merchantId: delivery.merchantId },
      ...(endpointChanged ? [{ kind: 'merchant' as const, id: delivery.merchantId, merchantId: delivery.merchantId }] : []),
    ]);
  });
  return outcome;
}
