// A merchant's owners manage their own people only: an invited user is bound to the owner's merchant whatever the
// body says, roles stay merchant roles, another merchant's users and staff answer 404, nothing is stored on a refusal,
// and a role change ends the user's sessions at once (the next request with the old cookie is 401).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GET as listUsersRoute, POST as createUserRoute } from '@/app/api/users/route';
import { DELETE as deleteUserRoute, PATCH as updateUserRoute } from '@/app/api/users/[id]/route';
import { GET as getMerchantRoute } from '@/app/api/merchants/[id]/route';
import { userListSchema, userSchema } from '@/contracts/users';
import { makeMerchant } from '@/prisma/seed/factories';
import { callRoute } from '@/tests/helpers/call-route';
import { asUser, cookieFrom, signedInUser, signInRequest, testPassword } from '@/tests/helpers/sign-in-user';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp();

describe("an owner manages its merchant's users", () => {
  test('an invited user joins the owner’s merchant and signs in with the initial password', async () => {
    const shop = await makeMerchant(app.db);
    const owner = await signedInUser(app.db, 'owner', shop.id);
    const email = `new-dev-${Date.now()}@shop.test`;
    const created = await callRoute(createUserRoute, { ...asUser(owner), body: { email, password: testPassword, role: 'developer' } });
    assert.equal(created.status, 201, created.text);
    const user = userSchema.parse(created.json);
    assert.deepEqual([user.role, user.merchantId], ['developer', shop.id]);
    const signedIn = await signInRequest(email, testPassword);
    assert.equal(signedIn.status, 200);
    const mine = await callRoute(getMerchantRoute, { token: null, headers: { cookie: cookieFrom(signedIn) }, params: { id: shop.id } });
    assert.equal(mine.status, 200);
  });

  test('refused: staff roles, another merchant, an API key; nothing is stored', async () => {
    const [shop, other] = [await makeMerchant(app.db), await makeMerchant(app.db)];
    const owner = await signedInUser(app.db, 'owner', shop.id);
    const users = await app.db.user.count();
    const attempt = (body: Record<string, unknown>, call: { token: string | null; headers?: Record<string, string> } = asUser(owner)) =>
      callRoute(createUserRoute, { ...call, body: { email: `probe-${Math.random()}@shop.test`, password: testPassword, ...body } });
    assert.equal((await attempt({ role: 'admin' })).status, 403);
    assert.equal((await attempt({ role: 'analyst' })).status, 403);
    assert.equal((await attempt({ role: 'viewer', merchantId: other.id })).status, 404);
    assert.equal((await attempt({ role: 'viewer' }, { token: shop.apiKey })).status, 403, 'an API key is a developer, not an owner');
    const developer = await signedInUser(app.db, 'developer', shop.id);
    assert.equal((await attempt({ role: 'viewer' }, asUser(developer))).status, 403);
    assert.equal(await app.db.user.count(), users + 1, 'only the developer made for this test');
  });

  test("a role change ends the user's sessions at once; roles stay merchant roles; others' users are not found", async () => {
    const [shop, other] = [await makeMerchant(app.db), await makeMerchant(app.db)];
    const owner = await signedInUser(app.db, 'owner', shop.id);
    const viewer = await signedInUser(app.db, 'viewer', shop.id);
    const stranger = await signedInUser(app.db, 'viewer', other.id);
    const analyst = await signedInUser(app.db, 'analyst');
    assert.equal((await callRoute(getMerchantRoute, { ...asUser(viewer), params: { id: shop.id } })).status, 200);

    const patch = (id: string, role: string) =>
      callRoute(updateUserRoute, { ...asUser(owner), method: 'PATCH', params: { id }, body: { role } });
    assert.equal((await patch(viewer.id, 'admin')).status, 422, 'a merchant user cannot become staff');
    assert.equal((await patch(stranger.id, 'owner')).status, 404);
    assert.equal((await patch(analyst.id, 'admin')).status, 404);
    assert.equal((await callRoute(deleteUserRoute, { ...asUser(owner), method: 'DELETE', params: { id: stranger.id } })).status, 404);
    assert.equal((await app.db.user.findUniqueOrThrow({ where: { id: stranger.id } })).role, 'viewer');
    // Refusals left the viewer signed in.
    assert.equal((await callRoute(getMerchantRoute, { ...asUser(viewer), params: { id: shop.id } })).status, 200);

    const changed = await patch(viewer.id, 'developer');
    assert.equal(changed.status, 200, changed.text);
    assert.equal(userSchema.parse(changed.json).role, 'developer');
    assert.equal((await callRoute(getMerchantRoute, { ...asUser(viewer), params: { id: shop.id } })).status, 401);
    assert.equal(await app.db.session.count({ where: { userId: viewer.id } }), 0);

    const listed = userListSchema.parse(
      (await callRoute(listUsersRoute, { ...asUser(owner), url: 'http://localhost/api/users?role=analyst' })).json,
    );
    assert.deepEqual(listed.items, [], 'an owner lists no staff, whatever it filters by');
  });
});
