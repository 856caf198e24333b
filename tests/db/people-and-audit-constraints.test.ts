import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeMerchant } from '@/prisma/seed/factories';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp();

const user = (role: 'admin' | 'analyst' | 'owner' | 'developer' | 'viewer', merchantId: string | null, email?: string) =>
  app.db.user.create({
    data: { name: 'n', email: email ?? `${role}-${Math.random().toString(36).slice(2)}@example.com`, role, merchantId },
  });

describe('users, the audit trail and alert decisions in the database', () => {
  test('staff have no merchant and merchant users exactly one (CHECK constraint)', async () => {
    const merchant = await makeMerchant(app.db);
    await user('admin', null);
    await user('viewer', merchant.id);
    await assert.rejects(user('owner', null), /app_user_role_merchant_check/);
    await assert.rejects(user('analyst', merchant.id), /app_user_role_merchant_check/);
    await assert.rejects(user('admin', null, 'Mixed@Example.com'), /app_user_email_lower_check/);
  });

  test('audit events cannot be changed or deleted', async () => {
    const event = await app.db.auditEvent.create({
      data: { actor: 'token:admin', action: 'merchant.block', subjectType: 'merchant', subjectId: 'x', reason: 'why' },
    });
    await assert.rejects(app.db.auditEvent.update({ where: { id: event.id }, data: { actor: 'someone else' } }), /append-only/);
    await assert.rejects(app.db.auditEvent.delete({ where: { id: event.id } }), /append-only/);
    assert.equal((await app.db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).actor, 'token:admin');
  });

  test('alert decisions cannot be changed or deleted', async () => {
    const alert = await app.db.riskAlert.create({ data: { kind: 'unknown_payment', evidence: {} } });
    const decision = await app.db.riskAlertDecision.create({
      data: { alertId: alert.id, fromStatus: 'open', decision: 'dismissed', actor: 'user:mei@example.com', reason: 'test order' },
    });
    await assert.rejects(app.db.riskAlertDecision.update({ where: { id: decision.id }, data: { reason: 'rewritten' } }), /append-only/);
    await assert.rejects(app.db.riskAlertDecision.deleteMany({ where: { alertId: alert.id } }), /append-only/);
  });
});
