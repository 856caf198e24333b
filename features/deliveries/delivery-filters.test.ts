import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bulkRedeliverBodyFor, toDeliveryListQuery } from './delivery-filters';

const merchantId = '0196b0c4-0000-7000-8000-000000000001';

test('the filters reach the API under its names, times as UTC instants', () => {
  assert.deepEqual(toDeliveryListQuery({ status: null, merchantId: null, since: null, until: null }), {});
  assert.deepEqual(toDeliveryListQuery({ status: 'failed', merchantId, since: new Date('2026-03-01T16:00:00Z'), until: null }), {
    status: 'failed',
    merchantId,
    since: '2026-03-01T16:00:00.000Z',
  });
});

test('"redeliver all matching" sends the visible filter, and only one it can match exactly', () => {
  assert.deepEqual(bulkRedeliverBodyFor({ status: 'failed', merchantId, since: '2026-03-01T16:00:00.000Z' }), {
    status: 'failed',
    merchantId,
    since: '2026-03-01T16:00:00.000Z',
    until: undefined,
  });
  assert.equal(bulkRedeliverBodyFor({ status: 'delivered' })?.status, 'delivered');
  // Without a status the API would take the dead letters only: not what an unfiltered list shows.
  assert.equal(bulkRedeliverBodyFor({}), null);
  assert.equal(bulkRedeliverBodyFor({ status: 'pending' }), null);
  assert.equal(bulkRedeliverBodyFor({ status: 'cancelled', merchantId }), null);
});
