// Every queue and topic in the system, with its retry and dead-letter policy, created at boot.
import type { PgBoss } from 'pg-boss';

export const topics = {
  paymentSucceeded: 'payment.succeeded',
  merchantBlocked: 'merchant.blocked',
  merchantUnblocked: 'merchant.unblocked',
} as const;

export const queues = {
  deliverWebhook: 'deliver-webhook',
  risk: 'risk',
  campaign: 'campaign',
  promotion: 'promotion',
  sandboxCallback: 'sandbox-callback',
  pruneRiskAggregates: 'prune-risk-aggregates',
  // Merchant status changes get a queue of their own rather than riding on `risk`: the subscribers of payments
  // keep one payload shape, and the consumers of status changes (dashboard live view, merchant notices, other
  // systems) subscribe here without touching the risk worker.
  merchantEvents: 'merchant-events',
} as const;

export const subscriberQueues = [queues.risk, queues.campaign, queues.promotion] as const;

export function deadLetterOf(name: string): string {
  return `${name}-dead`;
}

type QueueSpec = Parameters<PgBoss['createQueue']>[1];

function queueSpecs(): Record<string, QueueSpec> {
  return {
    // The delivery schedule itself is ours (each attempt queues the next); pg-boss retries only
    // attempts that could not run at all (database away, another worker holding the lease, a crash).
    [queues.deliverWebhook]: {
      retryLimit: 100,
      retryDelay: 1,
      retryBackoff: true,
      retryDelayMax: 60,
      expireInSeconds: 120,
      heartbeatSeconds: 10,
      retentionSeconds: 14 * 86_400,
    },
    [queues.risk]: { retryLimit: 10, retryDelay: 1, retryBackoff: true, retryDelayMax: 300, partition: true },
    // Campaign and promotion have no latency target: without NOTIFY their workers poll and take big batches,
    // leaving the CPU to the risk subscriber, which is woken the moment an event commits.
    [queues.campaign]: { retryLimit: 10, retryDelay: 1, retryBackoff: true, retryDelayMax: 300, notify: false, partition: true },
    [queues.promotion]: { retryLimit: 10, retryDelay: 1, retryBackoff: true, retryDelayMax: 300, notify: false, partition: true },
    [queues.sandboxCallback]: { retryLimit: 5, retryDelay: 1, retryBackoff: true, retryDelayMax: 60 },
    // A scheduled chore: the next run does what a failed one did not.
    [queues.pruneRiskAggregates]: { retryLimit: 2, retryDelay: 60, policy: 'singleton' },
    [queues.merchantEvents]: { retryLimit: 10, retryDelay: 1, retryBackoff: true, retryDelayMax: 300, retentionSeconds: 7 * 86_400 },
  };
}

/** Creates (or updates) every queue with its dead-letter queue, and subscribes the topic's queues. */
export async function createQueues(boss: PgBoss): Promise<void> {
  for (const [name, spec] of Object.entries(queueSpecs())) {
    const deadLetter = deadLetterOf(name);
    if (!(await boss.getQueue(deadLetter))) await boss.createQueue(deadLetter, { retentionSeconds: 30 * 86_400 });
    const { partition, policy, ...options } = { notify: true, ...spec, deadLetter };
    // A queue's policy and whether it has a table of its own are fixed when it is created; the rest follows the
    // spec on every boot.
    if (await boss.getQueue(name)) await boss.updateQueue(name, options);
    else await boss.createQueue(name, { ...options, partition, policy });
  }
  for (const name of subscriberQueues) await boss.subscribe(topics.paymentSucceeded, name);
  await boss.subscribe(topics.merchantBlocked, queues.merchantEvents);
  await boss.subscribe(topics.merchantUnblocked, queues.merchantEvents);
}
