import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getRiskAlertOperation, listRiskAlertsOperation } from '@/contracts/risk';
import { operationPath } from './request-operation';

test('path parameters are filled in and encoded', () => {
  assert.equal(operationPath(getRiskAlertOperation, { id: 'a b/c' }), '/api/risk/alerts/a%20b%2Fc');
});

test('a missing path parameter is refused, not sent as {id}', () => {
  assert.throws(() => operationPath(getRiskAlertOperation, {}), /needs the parameter id/);
});

test('empty query values are left out; the rest are encoded', () => {
  assert.equal(
    operationPath(
      listRiskAlertsOperation,
      {},
      { status: 'open', merchantId: undefined, kind: '', since: '2026-01-01T00:00:00+08:00', limit: 50 },
    ),
    '/api/risk/alerts?status=open&since=2026-01-01T00%3A00%3A00%2B08%3A00&limit=50',
  );
});
