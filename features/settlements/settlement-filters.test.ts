import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { settlementCsvHref, toSettlementListQuery } from './settlement-filters';

describe('settlement filters', () => {
  test('the URL’s filters become the API’s query, and the CSV link carries the same words', () => {
    const query = toSettlementListQuery({ merchantId: 'm1', from: '2026-03-01', to: 'not-a-day' });
    assert.deepEqual(query, { merchantId: 'm1', from: '2026-03-01' });
    assert.equal(settlementCsvHref(query), '/api/settlements?merchantId=m1&from=2026-03-01&format=csv');
    assert.deepEqual(toSettlementListQuery({ merchantId: null, from: null, to: null }), {});
  });
});
