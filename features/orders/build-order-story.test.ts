import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TimelineEntry } from '@/contracts/payment-timeline';
import { buildOrderStory } from './build-order-story';
import { describeTimelineEntry } from './describe-timeline-entry';

const deliveryId = '0196b0c4-0000-7000-8000-00000000d001';
const entries: TimelineEntry[] = [
  { type: 'created', at: '2026-03-01T02:00:00.000Z', amount: 12_80, currency: 'CNY', provider: 'sandbox', outTradeNo: 'T-1001' },
  {
    type: 'notification',
    at: '2026-03-01T02:00:05.000Z',
    notificationId: '0196b0c4-0000-7000-8000-00000000n001',
    provider: 'sandbox',
    kind: 'payment',
    outcome: 'rejected',
    reason: 'signature does not verify',
    source: 'callback',
    attemptId: null,
    receivedCount: 1,
    lastReceivedAt: '2026-03-01T02:00:05.000Z',
  },
  { type: 'state_change', at: '2026-03-01T02:00:06.000Z', from: 'pending', to: 'succeeded' },
  { type: 'delivery_attempt', at: '2026-03-01T02:00:07.000Z', deliveryId, attemptNumber: 1, statusCode: 503, durationMs: 84, error: null },
];

test('each kind of entry says what happened, in words and a tone', () => {
  assert.deepEqual(describeTimelineEntry(entries[0]), {
    topic: 'order',
    title: 'Order created',
    details: ['¥12.80 via Sandbox', 'outTradeNo T-1001'],
    tone: 'neutral',
  });
  const rejected = describeTimelineEntry(entries[1]);
  assert.equal(rejected.title, 'Provider notification: Rejected');
  assert.equal(rejected.tone, 'danger');
  assert.deepEqual(rejected.details, ['Sandbox · Payment', 'signature does not verify']);
  assert.equal(rejected.notificationId, '0196b0c4-0000-7000-8000-00000000n001');
  assert.equal(describeTimelineEntry(entries[2]).title, 'Pending → Succeeded');
  const attempt = describeTimelineEntry(entries[3]);
  assert.deepEqual(attempt.details, ['HTTP 503 · 84 ms']);
  assert.equal(attempt.tone, 'danger');
  assert.equal(attempt.href, `/console/deliveries/${deliveryId}#attempt-1`);
  const query = describeTimelineEntry({
    type: 'provider_exchange',
    at: entries[0].at,
    exchangeId: deliveryId,
    attemptId: null,
    operation: 'query_order',
    verdict: 'failed',
    httpStatus: null,
    reason: 'timeout',
    durationMs: 10_000,
  });
  assert.deepEqual(
    [query.title, query.details, query.tone],
    ['Status query to the provider', ['Failed · no answer · 10 s', 'timeout'], 'warning'],
  );
});

test("refunds go into the story by time, and every item's key is unique", () => {
  const story = buildOrderStory(entries, [
    {
      id: '0196b0c4-0000-7000-8000-00000000r001',
      refundNo: 'R-1',
      amount: 500,
      currency: 'CNY',
      reason: 'customer',
      status: 'processing',
      createdAt: '2026-03-01T02:00:06.500Z',
    },
  ]);
  assert.deepEqual(
    story.map((item) => item.title),
    ['Order created', 'Provider notification: Rejected', 'Pending → Succeeded', 'Refund R-1: Processing', 'Webhook attempt 1'],
  );
  assert.equal(story[3].details[0], '¥5.00 · Customer');
  assert.equal(new Set(story.map((item) => item.key)).size, story.length);
});

test('links stay within the area the story is shown in', () => {
  const staff = buildOrderStory(entries);
  const portal = buildOrderStory(entries, [], '/portal');
  const attempt = (story: typeof staff) => story.find((item) => item.title === 'Webhook attempt 1')?.href;
  assert.match(attempt(staff) ?? '', /^\/console\/deliveries\/.+#attempt-1$/);
  assert.match(attempt(portal) ?? '', /^\/portal\/deliveries\/.+#attempt-1$/);
});
