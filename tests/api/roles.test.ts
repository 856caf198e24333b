// Each role against representative routes: what it may do answers 2xx, anything else 403, signed out 401; the
// merchant always comes from the session, never from the URL or the body.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GET as listAlertsRoute } from '@/app/api/risk/alerts/route';
import { POST as createRuleRoute } from '@/app/api/risk/rules/route';
import { POST as blockRoute } from '@/app/api/merchants/[id]/block/route';
import { POST as unblockRoute } from '@/app/api/merchants/[id]/unblock/route';
import { GET as getMerchantRoute, PATCH as updateMerchantRoute } from '@/app/api/merchants/[id]/route';
import { GET as listPaymentsRoute } from '@/app/api/payments/route';
import { POST as createUserRoute } from '@/app/api/users/route';
import { POST as lifecycleRoute } from '@/app/api/lifecycle/run/route';
import { merchantSchema } from '@/contracts/merchants';
import { listPaymentsOperation } from '@/contracts/payment-list';
import { userSchema } from '@/contracts/users';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { callRoute } from '@/tests/helpers/call-route';
import { startMerchantServer } from '@/tests/helpers/merchant-server';
import { asUser, signedInUser, type SignedInUser } from '@/tests/helpers/sign-in-user';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp();
// A new notify URL must acknowledge a signed test webhook before it is saved: this server does.
const receiver = await startMerchantServer();

let shop: { id: string };
let otherShop: { id: string };
const people = {} as Record<'admin' | 'analyst' | 'owner' | 'developer' | 'viewer', SignedInUser>;

app.onStart(async () => {
  shop = await makeMerchant(app.db, { name: 'Corner Store' });
  otherShop = await makeMerchant(app.db, { name: 'Other Store' });
  await makePayment(app.db, { merchantId: shop.id });
  await makePayment(app.db, { merchantId: otherShop.id });
  people.admin = await signedInUser(app.db, 'admin');
  people.analyst = await signedInUser(app.db, 'analyst');
  people.owner = await signedInUser(app.db, 'owner', shop.id);
  people.developer = await signedInUser(app.db, 'developer', shop.id);
  people.viewer = await signedInUser(app.db, 'viewer', shop.id);
});

const rule = {
  name: 'big-one',
  kind: 'single_outsized',
  params: { multiplier: 10, floor: 100_000, minHistoryPayments: 5 },
  action: 'alert',
};

async function statusOf(route: Parameters<typeof callRoute>[0], call: Parameters<typeof callRoute>[1]) {
  return (await callRoute(route, call)).status;
}

describe('roles', () => {
  test('signed out: every protected route answers 401, and a bad session cookie is nobody', async () => {
    assert.equal(await statusOf(listAlertsRoute, { token: null }), 401);
    assert.equal(await statusOf(listPaymentsRoute, { token: null }), 401);
    const forged = { token: null, headers: { cookie: 'better-auth.session_token=forged.value' } };
    assert.equal(await statusOf(listAlertsRoute, forged), 401);
  });

  test('staff read: analysts and admins see the alert queue, merchant users do not', async () => {
    assert.equal(await statusOf(listAlertsRoute, asUser(people.admin)), 200);
    assert.equal(await statusOf(listAlertsRoute, asUser(people.analyst)), 200);
    for (const role of ['owner', 'developer', 'viewer'] as const) {
      const response = await callRoute(listAlertsRoute, asUser(people[role]));
      assert.equal(response.status, 403, role);
      assert.equal(response.json.error.code, 'forbidden');
    }
  });

  test('staff decide: an analyst blocks and unblocks; merchant users may not', async () => {
    const block = await callRoute(blockRoute, { ...asUser(people.analyst), params: { id: shop.id }, body: { reason: 'spike at night' } });
    assert.equal(block.status, 200, block.text);
    assert.equal(merchantSchema.parse(block.json).status, 'blocked');
    const unblock = await callRoute(unblockRoute, {
      ...asUser(people.analyst),
      params: { id: shop.id },
      body: { reason: 'checked, fine' },
    });
    assert.equal(unblock.status, 200, unblock.text);
    assert.equal(await statusOf(blockRoute, { ...asUser(people.owner), params: { id: shop.id }, body: { reason: 'no way' } }), 403);
  });

  test('admin only: an analyst may not change rules or run the lifecycle; an admin may', async () => {
    assert.equal(await statusOf(createRuleRoute, { ...asUser(people.analyst), body: rule }), 403);
    assert.equal(await statusOf(lifecycleRoute, { ...asUser(people.analyst), body: { task: 'close-expired' } }), 403);
    const created = await callRoute(createRuleRoute, { ...asUser(people.admin), body: rule });
    assert.equal(created.status, 201, created.text);
  });

  test("merchant read: a viewer lists only its merchant's payments, whatever merchantId it names", async () => {
    const own = await callRoute(listPaymentsRoute, asUser(people.viewer));
    assert.equal(own.status, 200, own.text);
    const page = listPaymentsOperation.response.parse(own.json);
    assert.ok(page.items.length > 0);
    assert.ok(page.items.every((payment) => payment.merchantId === shop.id));
    const other = await callRoute(listPaymentsRoute, {
      ...asUser(people.viewer),
      url: `http://localhost/api/payments?merchantId=${otherShop.id}`,
    });
    assert.equal(other.status, 404);
    assert.equal(await statusOf(getMerchantRoute, { ...asUser(people.viewer), params: { id: otherShop.id } }), 404);
    const mine = await callRoute(getMerchantRoute, { ...asUser(people.viewer), params: { id: shop.id } });
    assert.equal(merchantSchema.parse(mine.json).id, shop.id);
  });

  test('merchant developer: a developer changes the webhook settings, a viewer may not', async () => {
    const body = { notifyUrl: receiver.url('/new-notify') };
    assert.equal(await statusOf(updateMerchantRoute, { ...asUser(people.viewer), params: { id: shop.id }, body }), 403);
    const updated = await callRoute(updateMerchantRoute, { ...asUser(people.developer), params: { id: shop.id }, body });
    assert.equal(updated.status, 200, updated.text);
    assert.equal(merchantSchema.parse(updated.json).notifyUrl, body.notifyUrl);
    assert.equal(await statusOf(updateMerchantRoute, { ...asUser(people.developer), params: { id: otherShop.id }, body }), 404);
  });

  test('merchant owner: adds users to its own merchant only; developers may not add users', async () => {
    const input = (email: string, extra: object = {}) => ({ email, password: 'long enough password', role: 'viewer', ...extra });
    const added = await callRoute(createUserRoute, { ...asUser(people.owner), body: input('new-viewer@shop.test') });
    assert.equal(added.status, 201, added.text);
    assert.equal(userSchema.parse(added.json).merchantId, shop.id, 'bound to the owner’s merchant');
    const elsewhere = await callRoute(createUserRoute, {
      ...asUser(people.owner),
      body: input('x@shop.test', { merchantId: otherShop.id }),
    });
    assert.equal(elsewhere.status, 404);
    const staff = await callRoute(createUserRoute, { ...asUser(people.owner), body: input('y@shop.test', { role: 'analyst' }) });
    assert.equal(staff.status, 403);
    assert.equal(await statusOf(createUserRoute, { ...asUser(people.developer), body: input('z@shop.test') }), 403);
    assert.equal(await app.db.user.count({ where: { email: { in: ['x@shop.test', 'y@shop.test', 'z@shop.test'] } } }), 0);
  });

  test('machine clients keep working: the admin token is an admin, a merchant key a developer of its merchant', async () => {
    assert.equal(await statusOf(createRuleRoute, { body: { ...rule, name: 'token-rule' } }), 201);
    const merchant = await callRoute(getMerchantRoute, { params: { id: shop.id } });
    assert.equal(merchant.status, 200);
  });
});
