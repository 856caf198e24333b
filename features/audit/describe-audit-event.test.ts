import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { auditActions } from '@/contracts/audit';
import { describeAuditAction, fieldChanges, subjectHref } from './describe-audit-event';

describe('describing audit rows', () => {
  test('every recorded action has words of its own; an unknown one shows as recorded', () => {
    for (const action of auditActions) assert.notEqual(describeAuditAction(action), action, action);
    assert.equal(describeAuditAction('campaign.launch'), 'campaign.launch');
  });

  test('subjects link to their pages, ids encoded; an unknown kind has none', () => {
    assert.equal(
      subjectHref('merchant', '0196b0c4-0000-7000-8000-000000000001'),
      '/console/merchants/0196b0c4-0000-7000-8000-000000000001',
    );
    assert.equal(subjectHref('risk_alert', 'a/b'), '/console/alerts/a%2Fb');
    assert.equal(subjectHref('risk_rule', 'x'), '/console/rules');
    assert.equal(subjectHref('settlement', 'x'), null);
  });

  test('before → after field by field, created and removed fields shown as —, unchanged ones left out', () => {
    assert.deepEqual(fieldChanges({ status: 'active' }, { status: 'blocked', alertId: 'a1' }), [
      { field: 'status', before: 'active', after: 'blocked' },
      { field: 'alertId', before: '—', after: 'a1' },
    ]);
    assert.deepEqual(fieldChanges(null, { params: { maxCount: 4 } }), [{ field: 'params', before: '—', after: '{"maxCount":4}' }]);
    assert.deepEqual(fieldChanges({ email: 'a@b.c', role: 'viewer' }, { email: 'a@b.c', role: 'owner' }), [
      { field: 'role', before: 'viewer', after: 'owner' },
    ]);
    assert.deepEqual(fieldChanges({ merchantId: null }, null), []);
    assert.deepEqual(fieldChanges(null, null), []);
  });
});
