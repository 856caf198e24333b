// An alert's decisions keep their history (DESIGN §3): each appends a row with the person who made it, taken from the
// caller; the alert row shows only the latest. A body that names a person is refused.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as decideRoute } from '@/app/api/risk/alerts/[id]/decision/route';
import { GET as getAlertRoute } from '@/app/api/risk/alerts/[id]/route';
import { makeMerchant } from '@/prisma/seed/factories';
import { decideRiskAlertOperation, getRiskAlertOperation } from '@/contracts/risk';
import { callRoute } from '@/tests/helpers/call-route';
import { paymentEvent } from '@/tests/helpers/payment-events';
import { processRiskEvent } from '@/tests/helpers/process-risk-event';
import { asUser, signedInUser } from '@/tests/helpers/sign-in-user';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp();
const alertOnly = { enabled: false, minSignals: 2, signalWindowMinutes: 60, maxPerHour: 3, unblockGraceMinutes: 0 };

/** A velocity alert for a fresh merchant: three payments in three seconds against the default rule tuned to two. */
async function openAlert() {
  const rule = await app.db.riskRule.findFirstOrThrow({ where: { name: 'velocity-5m' } });
  await app.db.riskRule.update({ where: { id: rule.id }, data: { params: { windowMinutes: 5, maxCount: 2 } } });
  const merchant = await makeMerchant(app.db);
  const at = Date.parse('2026-02-01T10:00:00Z');
  let last;
  for (let i = 0; i < 3; i++)
    last = await processRiskEvent({
      db: app.db,
      boss: app.boss,
      event: paymentEvent({ merchantId: merchant.id, amount: 100, paidAt: new Date(at + i * 1000) }),
      policy: alertOnly,
    });
  const alert = last!.alerts.find((a) => a.ruleId === rule.id);
  assert.ok(alert, 'the velocity rule opened an alert');
  return { merchant, alertId: alert.alertId };
}

const decide = (alertId: string, body: unknown, caller: object = {}) =>
  callRoute(decideRoute, { ...caller, params: { id: alertId }, body });

describe('alert decisions', () => {
  test('two decisions by two people are both kept, in order, each with its person and reason', async () => {
    const { merchant, alertId } = await openAlert();
    const [ana, ben] = [await signedInUser(app.db, 'analyst'), await signedInUser(app.db, 'analyst')];
    const first = await decide(alertId, { decision: 'acknowledged', reason: 'watching the till' }, asUser(ana));
    assert.equal(first.status, 200, first.text);
    decideRiskAlertOperation.response.parse(first.json);
    const second = await decide(alertId, { decision: 'blocked', reason: 'confirmed fake orders' }, asUser(ben));
    assert.equal(second.status, 200, second.text);

    const read = await callRoute(getAlertRoute, { ...asUser(ana), params: { id: alertId } });
    assert.equal(read.status, 200, read.text);
    const alert = getRiskAlertOperation.response.parse(read.json);
    assert.deepEqual(
      alert.decisions.map((d) => [d.fromStatus, d.decision, d.actor, d.reason]),
      [
        ['open', 'acknowledged', `user:${ana.email}`, 'watching the till'],
        ['acknowledged', 'blocked', `user:${ben.email}`, 'confirmed fake orders'],
      ],
    );
    assert.ok(alert.decisions[0].createdAt <= alert.decisions[1].createdAt);
    assert.deepEqual([alert.status, alert.decidedBy, alert.decisionReason], ['blocked', `user:${ben.email}`, 'confirmed fake orders']);

    // The audit trail has both decisions, and the block they led to, by the person who blocked.
    const trail = await app.db.auditEvent.findMany({
      where: { merchantId: merchant.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    assert.deepEqual(
      trail.map((row) => [row.action, row.actor, row.reason]),
      [
        ['risk_alert.decide', `user:${ana.email}`, 'watching the till'],
        ['risk_alert.decide', `user:${ben.email}`, 'confirmed fake orders'],
        ['merchant.block', `user:${ben.email}`, 'confirmed fake orders'],
      ],
    );
    assert.deepEqual(trail[1].after, { status: 'blocked' });
    assert.deepEqual(trail[2].after, { status: 'blocked', alertId });
  });

  test('a body naming the analyst is refused, as is a decision the alert cannot take; nothing is recorded', async () => {
    const { alertId } = await openAlert();
    const person = asUser(await signedInUser(app.db, 'analyst'));
    for (const body of [
      { decision: 'dismissed', reason: 'genuine school trip', analyst: 'mei' },
      { decision: 'dismissed', reason: 'x' },
      { decision: 'dismissed' },
    ]) {
      const refused = await decide(alertId, body, person);
      assert.equal(refused.status, 422, refused.text);
    }
    assert.equal((await decide(alertId, { decision: 'dismissed', reason: 'genuine school trip' }, person)).status, 200);
    const conflict = await decide(alertId, { decision: 'acknowledged', reason: 'too late now' }, person);
    assert.equal(conflict.status, 409, conflict.text);
    assert.equal(await app.db.riskAlertDecision.count({ where: { alertId } }), 1);
    assert.equal(await app.db.auditEvent.count({ where: { subjectType: 'risk_alert', subjectId: alertId } }), 1);
    assert.equal((await app.db.riskAlert.findUniqueOrThrow({ where: { id: alertId } })).status, 'dismissed');
  });

  test('a merchant key cannot decide; an analyst without a session is nobody', async () => {
    const { merchant, alertId } = await openAlert();
    assert.equal((await decide(alertId, { decision: 'dismissed', reason: 'my own alert' }, { token: merchant.apiKey })).status, 403);
    assert.equal((await decide(alertId, { decision: 'dismissed', reason: 'who am i' }, { token: null })).status, 401);
    assert.equal(await app.db.riskAlertDecision.count({ where: { alertId } }), 0);
  });
});
