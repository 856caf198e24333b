import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countDeliveriesQuerySchema } from './delivery-count';
import { listMerchantsQuerySchema } from './merchant-list';
import { merchantSummaryQuerySchema } from './merchant-summary';
import { overviewQuerySchema } from './overview';
import { listPaymentsQuerySchema } from './payment-list';

const refuses = (schema: { safeParse: (value: unknown) => { success: boolean } }, query: Record<string, string | undefined>) =>
  assert.equal(schema.safeParse(query).success, false, `accepted ${JSON.stringify(query)}`);

test('payment filters parse query text strictly', () => {
  const parsed = listPaymentsQuerySchema.parse({
    merchantId: '0196b0c4-0000-7000-8000-000000000001',
    provider: 'alipay',
    status: 'succeeded',
    amountMin: '100',
    amountMax: '100',
    since: '2026-12-01T00:00:00+08:00',
    until: '2026-12-02T00:00:00Z',
    flagged: 'false',
    q: ' T20261201abc ',
  });
  assert.deepEqual(
    { min: parsed.amountMin, max: parsed.amountMax, flagged: parsed.flagged, q: parsed.q, limit: parsed.limit },
    { min: 100, max: 100, flagged: false, q: 'T20261201abc', limit: 50 },
  );
  for (const bad of [
    { amountMin: '' },
    { amountMin: '1.5' },
    { amountMin: '-1' },
    { amountMax: '1e3' },
    { amountMax: '2147483648' },
    { amountMin: '200', amountMax: '100' },
    { flagged: 'yes' },
    { flagged: '1' },
    { status: 'paid' },
    { provider: 'paypal' },
    { merchantId: 'shop-1' },
    { since: '2026-12-01' },
    { since: '0000-01-01T00:00:00Z' },
    { until: '0001-01-01T00:00:00+14:00' },
    { since: '2026-12-02T00:00:00Z', until: '2026-12-01T00:00:00Z' },
    { since: '2026-12-01T00:00:00Z', until: '2026-12-01T00:00:00Z' },
    { q: '' },
    { q: 'two words' },
    { q: 'x'.repeat(65) },
    { q: 'nul\u0000' },
    { limit: '0' },
    { limit: '201' },
  ])
    refuses(listPaymentsQuerySchema, bad);
});

test('merchant, overview, summary and delivery-count filters refuse what they cannot mean', () => {
  refuses(listMerchantsQuerySchema, { status: 'closed' });
  refuses(listMerchantsQuerySchema, { endpoint: 'down' });
  refuses(listMerchantsQuerySchema, { q: 'tab\there' });
  refuses(listMerchantsQuerySchema, { q: '   ' });
  assert.equal(listMerchantsQuerySchema.parse({ q: ' Flash Deals ' }).q, 'Flash Deals');
  for (const hours of ['0', '25', '1.5', 'six']) refuses(overviewQuerySchema, { hours });
  assert.equal(overviewQuerySchema.parse({}).hours, 6);
  for (const days of ['0', '32', 'week']) refuses(merchantSummaryQuerySchema, { days });
  refuses(countDeliveriesQuerySchema, { status: 'lost' });
  refuses(countDeliveriesQuerySchema, { since: 'yesterday' });
  refuses(countDeliveriesQuerySchema, { since: '0000-06-01T00:00:00Z' });
});
