// Who may refund (contracts/refunds.ts): staff who decide (analysts, admins) and a merchant's developers and owners,
// for that merchant only; viewers read. Each refund a person makes names them in the audit trail.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GET as getRefundRoute } from '@/app/api/refunds/[id]/route';
import { POST as refundsRoute } from '@/app/api/payments/[id]/refunds/route';
import { callRoute } from '@/tests/helpers/call-route';
import { asUser, signedInUser } from '@/tests/helpers/sign-in-user';
import { useApp } from '@/tests/helpers/use-app';
import { listRefunds, paidSandboxPayment } from './refund-helpers';

const app = useApp();

describe('refund roles', () => {
  test('analyst, admin, owner and developer may refund; a viewer may only read; another merchant sees nothing', async () => {
    const paid = await paidSandboxPayment(app.db, { amount: 10_000 });
    const other = await paidSandboxPayment(app.db, { amount: 10_000 });
    const people = {
      admin: await signedInUser(app.db, 'admin'),
      analyst: await signedInUser(app.db, 'analyst'),
      owner: await signedInUser(app.db, 'owner', paid.merchantId),
      developer: await signedInUser(app.db, 'developer', paid.merchantId),
      viewer: await signedInUser(app.db, 'viewer', paid.merchantId),
      stranger: await signedInUser(app.db, 'owner', other.merchantId),
    };
    const refundAs = (person: keyof typeof people, refundNo: string) =>
      callRoute(refundsRoute, { params: { id: paid.paymentId }, body: { refundNo, amount: 100 }, ...asUser(people[person]) });

    for (const person of ['admin', 'analyst', 'owner', 'developer'] as const) {
      const answer = await refundAs(person, `ROLE-${person}`);
      assert.equal(answer.status, 201, `${person}: ${answer.text}`);
      const audit = await app.db.auditEvent.findFirstOrThrow({ where: { subjectId: answer.json.id, action: 'refund.create' } });
      assert.equal(audit.actor, `user:${people[person].email}`);
      assert.equal(answer.json.requestedBy, `user:${people[person].email}`);
    }
    const viewer = await refundAs('viewer', 'ROLE-viewer');
    assert.equal(viewer.status, 403, viewer.text);
    const stranger = await refundAs('stranger', 'ROLE-stranger');
    assert.equal(stranger.status, 404, stranger.text);
    assert.equal(await app.db.refund.count({ where: { refundNo: { in: ['ROLE-viewer', 'ROLE-stranger'] } } }), 0);

    const listed = await listRefunds(paid.paymentId, null, '');
    assert.equal(listed.status, 401);
    const asViewer = await callRoute((await import('@/app/api/payments/[id]/refunds/route')).GET, {
      params: { id: paid.paymentId },
      ...asUser(people.viewer),
    });
    assert.equal(asViewer.status, 200, asViewer.text);
    assert.equal(asViewer.json.items.length, 4);
    const one = asViewer.json.items[0].id;
    assert.equal((await callRoute(getRefundRoute, { params: { id: one }, ...asUser(people.viewer) })).status, 200);
    assert.equal((await callRoute(getRefundRoute, { params: { id: one }, ...asUser(people.stranger) })).status, 404);
  });
});
