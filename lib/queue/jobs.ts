// Every job of the system defined once: its queue's name, its payload schema and its queue options. Producers
// send through `sendJob` / `insertJobs` / `publishEvent`, which parse the payload first, so a malformed job fails
// the producer's own transaction instead of reaching a worker; workers parse with the same schema.
import type { PgBoss } from 'pg-boss';
import type { z } from 'zod';
import { merchantStatusEventSchema, paymentSucceededEventSchema } from '@/contracts/events';
import { refundEventSchema } from '@/contracts/refunds';
import {
  checkAttemptJobSchema,
  checkRefundJobSchema,
  choreJobSchema,
  deliverWebhookJobSchema,
  extraPaymentJobSchema,
  sandboxCallbackJobSchema,
} from '@/contracts/jobs';

type CreateOptions = NonNullable<Parameters<PgBoss['createQueue']>[1]>;

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  schema: S;
  /** Retry, retention and dead-letter policy; `policy` and `partition` are fixed when the queue is first made. */
  queue: CreateOptions;
};

function defineJob<const N extends string, S extends z.ZodType>(job: { name: N; schema: S; queue: CreateOptions }) {
  return job;
}

// A lifecycle sweep: one run at a time, never retried (the next scheduled run does what a failed one did not).
const sweepQueue = { retryLimit: 0, expireInSeconds: 600, policy: 'singleton' } as const;

const subscriberRetries = { retryLimit: 10, retryDelay: 1, retryBackoff: true, retryDelayMax: 300 } as const;

export const jobs = {
  // The delivery schedule itself is ours (each attempt queues the next); pg-boss retries only attempts that could not
  // run at all (database away, another worker holding the lease, a crash).
  deliverWebhook: defineJob({
    name: 'deliver-webhook',
    schema: deliverWebhookJobSchema,
    queue: {
      retryLimit: 100,
      retryDelay: 1,
      retryBackoff: true,
      retryDelayMax: 60,
      expireInSeconds: 120,
      heartbeatSeconds: 10,
      retentionSeconds: 14 * 86_400,
    },
  }),
  risk: defineJob({ name: 'risk', schema: paymentSucceededEventSchema, queue: { ...subscriberRetries, partition: true } }),
  // Campaign and promotion have no latency target: without NOTIFY their workers poll and take big batches, leaving
  // the CPU to the risk subscriber, which is woken the moment an event commits.
  campaign: defineJob({
    name: 'campaign',
    schema: paymentSucceededEventSchema,
    queue: { ...subscriberRetries, notify: false, partition: true },
  }),
  promotion: defineJob({
    name: 'promotion',
    schema: paymentSucceededEventSchema,
    queue: { ...subscriberRetries, notify: false, partition: true },
  }),
  sandboxCallback: defineJob({
    name: 'sandbox-callback',
    schema: sandboxCallbackJobSchema,
    queue: { retryLimit: 5, retryDelay: 1, retryBackoff: true, retryDelayMax: 60 },
  }),
  // One look at one attempt, keyed on it (singletonKey = attempt id): `stately` keeps at most one waiting and one
  // running per attempt, so each run queues its successor for the attempt's next look without ever forking the
  // chain. The handler records its own failures and reschedules; pg-boss retries only runs that died.
  checkAttempt: defineJob({
    name: 'check-attempt',
    schema: checkAttemptJobSchema,
    // A look whose worker died is noticed by its missed heartbeat and retried within seconds.
    queue: {
      policy: 'stately',
      retryLimit: 3,
      retryDelay: 2,
      retryBackoff: true,
      expireInSeconds: 300,
      heartbeatSeconds: 10,
      retentionSeconds: 7 * 86_400,
    },
  }),
  extraPayment: defineJob({
    name: 'extra-payment',
    schema: extraPaymentJobSchema,
    queue: { retryLimit: 20, retryDelay: 5, retryBackoff: true, retryDelayMax: 600, retentionSeconds: 30 * 86_400 },
  }),
  // One look at one refund not yet final, keyed on it like check-attempt: one waiting and one running per refund.
  checkRefund: defineJob({
    name: 'check-refund',
    schema: checkRefundJobSchema,
    queue: {
      policy: 'stately',
      retryLimit: 3,
      retryDelay: 2,
      retryBackoff: true,
      expireInSeconds: 300,
      heartbeatSeconds: 10,
      retentionSeconds: 7 * 86_400,
    },
  }),
  // Sweeps: each catches the attempts (or refunds) whose own job went missing. One runs at a time; a failed run is the next's work.
  confirmPending: defineJob({
    name: 'confirm-pending',
    schema: choreJobSchema,
    queue: sweepQueue,
  }),
  closeExpired: defineJob({
    name: 'close-expired',
    schema: choreJobSchema,
    queue: sweepQueue,
  }),
  findDuplicates: defineJob({
    name: 'find-duplicates',
    schema: choreJobSchema,
    queue: sweepQueue,
  }),
  confirmRefunds: defineJob({
    name: 'confirm-refunds',
    schema: choreJobSchema,
    queue: sweepQueue,
  }),
  // Settle: each run settles every ended business day not yet settled, a day per transaction; one run at a time,
  // and a failed run is the next one's work.
  settle: defineJob({
    name: 'settle',
    schema: choreJobSchema,
    queue: { retryLimit: 0, expireInSeconds: 900, policy: 'singleton' },
  }),
  // Reconcile yesterday's provider bills; a bill not there yet (or a provider away) is tried again within the hour.
  reconcile: defineJob({
    name: 'reconcile',
    schema: choreJobSchema,
    queue: { retryLimit: 3, retryDelay: 1_200, expireInSeconds: 900, policy: 'singleton' },
  }),
  // A scheduled chore: the next run does what a failed one did not.
  pruneRiskAggregates: defineJob({
    name: 'prune-risk-aggregates',
    schema: choreJobSchema,
    queue: { retryLimit: 2, retryDelay: 60, policy: 'singleton' },
  }),
  // Re-queues deliveries left pending with no live job; scheduled every minute, one run at a time.
  requeueStrandedDeliveries: defineJob({
    name: 'requeue-stranded-deliveries',
    schema: choreJobSchema,
    queue: { retryLimit: 1, retryDelay: 30, policy: 'singleton' },
  }),
  // Every minute: the dashboard's aggregates folded and pruned (server/stats/compact-dashboard-stats.ts).
  compactDashboardStats: defineJob({
    name: 'compact-dashboard-stats',
    schema: choreJobSchema,
    queue: { retryLimit: 0, policy: 'singleton', retentionSeconds: 86_400 },
  }),
  // Merchant status changes get a queue of their own rather than riding on `risk`: the subscribers of payments keep
  // one payload shape, and the consumers of status changes (live view, merchant notices, other systems) subscribe
  // here without touching the risk worker.
  merchantEvents: defineJob({
    name: 'merchant-events',
    schema: merchantStatusEventSchema,
    queue: { ...subscriberRetries, retentionSeconds: 7 * 86_400 },
  }),
  // Final refunds for the systems downstream (ledger readers, campaign clawbacks, reporting), like merchant-events.
  refundEvents: defineJob({
    name: 'refund-events',
    schema: refundEventSchema,
    queue: { ...subscriberRetries, retentionSeconds: 7 * 86_400 },
  }),
} satisfies Record<string, JobDefinition>;

function defineTopic<const N extends string, S extends z.ZodType>(topic: { name: N; schema: S; subscribers: JobDefinition<S>[] }) {
  return topic;
}

/** Topics: an event published on one lands, in the same transaction, in every subscribed queue. */
export const eventTopics = {
  paymentSucceeded: defineTopic({
    name: 'payment.succeeded',
    schema: paymentSucceededEventSchema,
    subscribers: [jobs.risk, jobs.campaign, jobs.promotion],
  }),
  merchantBlocked: defineTopic({ name: 'merchant.blocked', schema: merchantStatusEventSchema, subscribers: [jobs.merchantEvents] }),
  merchantUnblocked: defineTopic({ name: 'merchant.unblocked', schema: merchantStatusEventSchema, subscribers: [jobs.merchantEvents] }),
  refundSucceeded: defineTopic({ name: 'refund.succeeded', schema: refundEventSchema, subscribers: [jobs.refundEvents] }),
  refundFailed: defineTopic({ name: 'refund.failed', schema: refundEventSchema, subscribers: [jobs.refundEvents] }),
};

export type EventTopic = (typeof eventTopics)[keyof typeof eventTopics];
