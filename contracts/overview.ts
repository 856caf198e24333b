// The staff console's Overview (DESIGN §8): today's figures, orders per minute, delivery and callback health. Every
// figure is read from pre-aggregated rows kept exact by the transactions that change the facts (README: "Overview").
import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { volumeSchema } from '@/contracts/list-params';

const count = z.number().int().min(0);
const share = z.number().min(0).max(1).nullable();

export const providerCountsSchema = z.object({ wechatpay: count, alipay: count, sandbox: count });

export const overviewQuerySchema = z.object({
  hours: z.coerce.number().int().min(1).max(24).default(6).describe('How many hours of orders per minute to chart'),
});

export const overviewSchema = z.object({
  generatedAt: z.string(),
  timeZone: z.string().describe('The business time zone (SETTLEMENT_TIMEZONE)'),
  today: z.object({
    date: z.string().describe('The business day, YYYY-MM-DD in timeZone'),
    since: z.string().describe('The instant it began'),
    orders: count.describe('Payments created today'),
    paid: count.describe('Payments paid today (by paidAt), whatever day they were created'),
    volume: z.array(volumeSchema).describe('What was paid today, per currency'),
    byStatus: z
      .object({ pending: count, succeeded: count, closed: count, failed: count })
      .describe("Today's orders by where they are now; succeeded includes those refunded since"),
    successRate: share.describe("Of today's orders that reached a final state, the share paid; null while none has"),
  }),
  series: z.object({
    bucketSeconds: z.literal(60),
    from: z.string(),
    to: z.string(),
    points: z
      .array(z.object({ at: z.string(), created: providerCountsSchema, paid: providerCountsSchema }))
      .describe('One point per minute, oldest first, minutes without orders included as zeros'),
  }),
  deliveries: z.object({
    windowMinutes: z.number().int(),
    firstAttempts: count.describe('Deliveries whose first attempt was made in the window'),
    firstAttemptSucceeded: count,
    firstAttemptSuccessRate: share,
    delivered: count.describe('Deliveries that reached their merchant in the window'),
    p95DeliveryMs: z
      .number()
      .int()
      .nullable()
      .describe(
        'Of those, 95 % reached the merchant within this many ms of the event (payment committed → 2xx); the upper edge of ' +
          'its histogram bucket (1-2-5 steps), null when none was delivered',
      ),
    pending: count.describe('Waiting for their next attempt now'),
    deadLetters: count.describe('Failed for good now (status failed), redeliverable'),
  }),
  alerts: z.object({ open: count, acknowledged: count }),
  merchants: z.object({ total: count, blocked: count, endpointsDisabled: count }),
  callbacks: z.object({
    windowMinutes: z.number().int(),
    received: count.describe('Provider callbacks received in the window, duplicates included'),
    perMinute: z.number().min(0),
    duplicates: count,
    rejected: count.describe('Refused before reading: bad or missing signature, stale timestamp, undecryptable, malformed'),
    unknownPayment: count.describe('Verified, but about no payment of ours'),
    amountMismatch: count.describe('Verified, but for another amount than our order'),
  }),
});

export const getOverviewOperation = defineOperation({
  id: 'getOverview',
  method: 'GET',
  path: '/api/overview',
  summary: "The console's overview: today's volume and orders, orders per minute by provider, delivery and callback health",
  tag: 'overview',
  auth: { staff: 'read' },
  query: overviewQuerySchema,
  status: 200,
  response: overviewSchema,
  errors: [401, 403, 422, 429],
});
