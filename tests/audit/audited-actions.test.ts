// Every human action names its person (DESIGN §3): each writes its audit row in the transaction of the change, with
// the actor taken from the caller (a session, the admin token, a merchant API key), never from the body.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as redeliverOneRoute } from '@/app/api/deliveries/[id]/redeliver/route';
import { POST as redeliverManyRoute } from '@/app/api/deliveries/redeliver/route';
import { POST as regenerateRoute } from '@/app/api/merchants/[id]/api-key/regenerate/route';
import { POST as blockRoute } from '@/app/api/merchants/[id]/block/route';
import { PATCH as patchMerchantRoute } from '@/app/api/merchants/[id]/route';
import { POST as rotateRoute } from '@/app/api/merchants/[id]/secret/rotate/route';
import { POST as unblockRoute } from '@/app/api/merchants/[id]/unblock/route';
import { POST as disableRuleRoute } from '@/app/api/risk/rules/[id]/disable/route';
import { POST as enableRuleRoute } from '@/app/api/risk/rules/[id]/enable/route';
import { PATCH as updateRuleRoute } from '@/app/api/risk/rules/[id]/route';
import { POST as createRuleRoute } from '@/app/api/risk/rules/route';
import { makeMerchant } from '@/prisma/seed/factories';
import { bulkRedeliverOperation, redeliverOperation } from '@/contracts/deliveries';
import { merchantSchema } from '@/contracts/merchants';
import { riskRuleSchema } from '@/contracts/risk';
import { callRoute } from '@/tests/helpers/call-route';
import { startMerchantServer } from '@/tests/helpers/merchant-server';
import { payThroughCallback } from '@/tests/helpers/paid-payment';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { asUser, signedInUser, type SignedInUser } from '@/tests/helpers/sign-in-user';
import { useApp } from '@/tests/helpers/use-app';

const keys = makeWechatpayKeys();
const app = useApp({ ...keys.env, DELIVERY_TIMEOUT_MS: '500' });
const server = await startMerchantServer();

let analyst: SignedInUser;
let admin: SignedInUser;
app.onStart(async () => {
  analyst = await signedInUser(app.db, 'analyst');
  admin = await signedInUser(app.db, 'admin');
});

/** The audit rows of one subject, oldest first. */
const trailOf = (subjectType: string, subjectId: string) =>
  app.db.auditEvent.findMany({ where: { subjectType, subjectId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });

async function apiKeyPrefixOf(merchantId: string) {
  return (await app.db.merchant.findUniqueOrThrow({ where: { id: merchantId } })).apiKeyPrefix;
}

/** A paid payment whose delivery went to the dead-letter set. */
async function deadLetter(merchantId: string) {
  const { delivery } = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId });
  await app.db.delivery.update({ where: { id: delivery.id }, data: { status: 'failed', attemptCount: 10 } });
  return delivery;
}

describe('audited actions', () => {
  test('block and unblock name the signed-in person, with the reason and the status before → after', async () => {
    const shop = await makeMerchant(app.db);
    const blocked = await callRoute(blockRoute, {
      ...asUser(analyst),
      params: { id: shop.id },
      body: { reason: 'window far above baseline' },
    });
    assert.equal(blocked.status, 200, blocked.text);
    merchantSchema.parse(blocked.json);
    const unblocked = await callRoute(unblockRoute, { params: { id: shop.id }, body: { reason: 'a real sale, checked' } });
    assert.equal(unblocked.status, 200, unblocked.text);

    const trail = await trailOf('merchant', shop.id);
    assert.deepEqual(
      trail.map((row) => [row.action, row.actor, row.reason, row.merchantId, row.before, row.after]),
      [
        ['merchant.block', `user:${analyst.email}`, 'window far above baseline', shop.id, { status: 'active' }, { status: 'blocked' }],
        ['merchant.unblock', 'token:admin', 'a real sale, checked', shop.id, { status: 'blocked' }, { status: 'active' }],
      ],
    );
    const events = await app.db.merchantBlockEvent.findMany({ where: { merchantId: shop.id }, orderBy: { createdAt: 'asc' } });
    assert.deepEqual(
      events.map((event) => [event.actor, event.source]),
      [
        [`user:${analyst.email}`, 'dashboard'],
        ['token:admin', 'api'],
      ],
    );
  });

  test('a refused block (no reason, or already blocked) changes nothing and records nothing', async () => {
    const shop = await makeMerchant(app.db);
    assert.equal((await callRoute(blockRoute, { ...asUser(analyst), params: { id: shop.id }, body: {} })).status, 422);
    assert.equal(
      (await callRoute(unblockRoute, { ...asUser(analyst), params: { id: shop.id }, body: { reason: 'not blocked' } })).status,
      409,
    );
    assert.deepEqual(await trailOf('merchant', shop.id), []);
    assert.equal((await app.db.merchant.findUniqueOrThrow({ where: { id: shop.id } })).status, 'active');
  });

  test('rule changes: create, edit, enable and disable, each with its person and the fields before → after', async () => {
    const person = asUser(admin);
    const created = await callRoute(createRuleRoute, {
      ...person,
      body: { name: 'audited-velocity', kind: 'velocity', params: { windowMinutes: 5, maxCount: 9 }, action: 'alert', enabled: false },
    });
    assert.equal(created.status, 201, created.text);
    const rule = riskRuleSchema.parse(created.json);
    const edited = await callRoute(updateRuleRoute, {
      ...person,
      method: 'PATCH',
      params: { id: rule.id },
      body: { params: { windowMinutes: 5, maxCount: 4 }, action: 'block' },
    });
    assert.equal(edited.status, 200, edited.text);
    assert.equal((await callRoute(enableRuleRoute, { ...person, method: 'POST', params: { id: rule.id } })).status, 200);
    assert.equal((await callRoute(disableRuleRoute, { method: 'POST', params: { id: rule.id } })).status, 200);
    // Bad params are refused before anything is written; disabling a disabled rule changes nothing to record.
    const refused = await callRoute(updateRuleRoute, {
      ...person,
      method: 'PATCH',
      params: { id: rule.id },
      body: { params: { maxCount: -1 } },
    });
    assert.equal(refused.status, 422, refused.text);
    assert.equal((await callRoute(disableRuleRoute, { ...person, method: 'POST', params: { id: rule.id } })).status, 200);

    const actor = `user:${admin.email}`;
    const trail = await trailOf('risk_rule', rule.id);
    assert.deepEqual(
      trail.map((row) => [row.action, row.actor, row.before, row.after]),
      [
        [
          'risk_rule.create',
          actor,
          null,
          { name: 'audited-velocity', kind: 'velocity', params: { windowMinutes: 5, maxCount: 9 }, action: 'alert', enabled: false },
        ],
        [
          'risk_rule.update',
          actor,
          { params: { windowMinutes: 5, maxCount: 9 }, action: 'alert' },
          { params: { windowMinutes: 5, maxCount: 4 }, action: 'block' },
        ],
        ['risk_rule.enable', actor, { enabled: false }, { enabled: true }],
        ['risk_rule.disable', 'token:admin', { enabled: true }, { enabled: false }],
      ],
    );
    const stored = await app.db.riskRule.findUniqueOrThrow({ where: { id: rule.id } });
    assert.deepEqual(stored.params, { windowMinutes: 5, maxCount: 4 });
  });

  test('redelivering one and all matching (the dead letters, or those failed since a time) names who asked', async () => {
    const shop = await makeMerchant(app.db, { notifyUrl: server.url('/redeliver') });
    const one = await deadLetter(shop.id);
    const prefix = await apiKeyPrefixOf(shop.id);
    const again = await callRoute(redeliverOneRoute, { token: shop.apiKey, method: 'POST', params: { id: one.id } });
    assert.equal(again.status, 202, again.text);
    redeliverOperation.response.parse(again.json);
    // Still pending: refused, and nothing more recorded.
    assert.equal((await callRoute(redeliverOneRoute, { token: shop.apiKey, method: 'POST', params: { id: one.id } })).status, 409);
    const [redelivered, ...more] = await trailOf('delivery', one.id);
    assert.equal(more.length, 0);
    assert.deepEqual(
      [redelivered.action, redelivered.actor, redelivered.merchantId, redelivered.before, redelivered.after],
      ['delivery.redeliver', `api-key:${prefix}`, shop.id, { status: 'failed', attemptCount: 10 }, { status: 'pending' }],
    );

    const [first, second] = [await deadLetter(shop.id), await deadLetter(shop.id)];
    const all = await callRoute(redeliverManyRoute, { ...asUser(analyst), body: { merchantId: shop.id } });
    assert.equal(all.status, 202, all.text);
    assert.equal(bulkRedeliverOperation.response.parse(all.json).redelivered, 2);
    await app.db.delivery.updateMany({ where: { id: { in: [first.id, second.id] } }, data: { status: 'failed' } });
    const since = new Date(Date.now() - 60_000).toISOString();
    const recovered = await callRoute(redeliverManyRoute, { token: shop.apiKey, body: { since } });
    assert.equal(recovered.status, 202, recovered.text);
    assert.equal(recovered.json.redelivered, 2);
    // Nothing left to redeliver: nothing changed, nothing recorded.
    assert.equal((await callRoute(redeliverManyRoute, { token: shop.apiKey, body: { since } })).json.redelivered, 0);

    const bulk = (await trailOf('merchant', shop.id)).filter((row) => row.action === 'delivery.redeliver_matching');
    assert.deepEqual(
      bulk.map((row) => [row.actor, row.merchantId, row.after]),
      [
        [
          `user:${analyst.email}`,
          shop.id,
          { status: 'pending', filter: { status: 'failed', merchantId: shop.id, since: null, until: null }, redelivered: 2 },
        ],
        [
          `api-key:${prefix}`,
          shop.id,
          { status: 'pending', filter: { status: 'failed', merchantId: shop.id, since, until: null }, redelivered: 2 },
        ],
      ],
    );
  });

  test('a secret rotation, a notify URL change and a new API key each name the caller; no secret is recorded', async () => {
    const shop = await makeMerchant(app.db, { notifyUrl: server.url('/before') });
    const oldPrefix = await apiKeyPrefixOf(shop.id);
    const rotated = await callRoute(rotateRoute, { token: shop.apiKey, params: { id: shop.id }, body: { overlapSeconds: 600 } });
    assert.equal(rotated.status, 200, rotated.text);
    const moved = await callRoute(patchMerchantRoute, {
      ...asUser(admin),
      method: 'PATCH',
      params: { id: shop.id },
      body: { notifyUrl: server.url('/after') },
    });
    assert.equal(moved.status, 200, moved.text);
    // A URL that does not acknowledge its test webhook is not saved, and not recorded.
    server.answer('/refuses', () => ({ status: 500 }));
    const refused = await callRoute(patchMerchantRoute, {
      ...asUser(admin),
      method: 'PATCH',
      params: { id: shop.id },
      body: { notifyUrl: server.url('/refuses') },
    });
    assert.equal(refused.status, 422, refused.text);
    const regenerated = await callRoute(regenerateRoute, { token: shop.apiKey, method: 'POST', params: { id: shop.id } });
    assert.equal(regenerated.status, 200, regenerated.text);

    const trail = await trailOf('merchant', shop.id);
    assert.deepEqual(
      trail.map((row) => [row.action, row.actor, row.before, row.after]),
      [
        ['merchant.rotate_secret', `api-key:${oldPrefix}`, null, { previousSecretsExpireAt: rotated.json.previousSecretsExpireAt }],
        ['merchant.update', `user:${admin.email}`, { notifyUrl: server.url('/before') }, { notifyUrl: server.url('/after') }],
        [
          'merchant.regenerate_api_key',
          `api-key:${oldPrefix}`,
          { apiKeyPrefix: oldPrefix },
          { apiKeyPrefix: regenerated.json.apiKeyPrefix },
        ],
      ],
    );
    const written = JSON.stringify(trail);
    for (const secret of [rotated.json.webhookSecret, shop.webhookSecret, regenerated.json.apiKey, shop.apiKey]) {
      assert.ok(!written.includes(secret), 'a secret reached the audit trail');
    }
  });
});
