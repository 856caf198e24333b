// People: created by admins (and owners for their merchant), listed, re-roled and removed; a role change or a removal
// ends the user's sessions at once; sign-in refuses a wrong password and is rate-limited per client address.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GET as listUsersRoute, POST as createUserRoute } from '@/app/api/users/route';
import { DELETE as deleteUserRoute, PATCH as updateUserRoute } from '@/app/api/users/[id]/route';
import { GET as listAlertsRoute } from '@/app/api/risk/alerts/route';
import { userListSchema, userSchema } from '@/contracts/users';
import { makeMerchant } from '@/prisma/seed/factories';
import { callRoute } from '@/tests/helpers/call-route';
import { asUser, signedInUser, signInRequest, testPassword } from '@/tests/helpers/sign-in-user';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp({ SIGN_IN_ATTEMPTS_PER_MINUTE: '4' });

describe('users API', () => {
  test('an admin creates staff and merchant users; bad input is refused and nothing is stored', async () => {
    const shop = await makeMerchant(app.db);
    const analyst = await callRoute(createUserRoute, { body: { email: 'Ana@Risk.test', password: testPassword, role: 'analyst' } });
    assert.equal(analyst.status, 201, analyst.text);
    const created = userSchema.parse(analyst.json);
    assert.equal(created.email, 'ana@risk.test', 'emails are kept lower-case');
    assert.equal(created.merchantId, null);
    const owner = await callRoute(createUserRoute, {
      body: { email: 'o@shop.test', password: testPassword, role: 'owner', merchantId: shop.id },
    });
    assert.equal(owner.status, 201, owner.text);
    const before = await app.db.user.count();
    const cases = [
      { body: { email: 'ana@risk.test', password: testPassword, role: 'analyst' }, status: 409 },
      { body: { email: 'a@b.test', password: 'short', role: 'analyst' }, status: 422 },
      { body: { email: 'not-an-email', password: testPassword, role: 'analyst' }, status: 422 },
      { body: { email: 'a@b.test', password: testPassword, role: 'root' }, status: 422 },
      { body: { email: 'a@b.test', password: testPassword, role: 'viewer' }, status: 422 },
      { body: { email: 'a@b.test', password: testPassword, role: 'analyst', merchantId: shop.id }, status: 422 },
      {
        body: { email: 'a@b.test', password: testPassword, role: 'viewer', merchantId: '0196a7e0-0000-7000-8000-000000000000' },
        status: 404,
      },
      { body: { email: 'a@b.test', password: testPassword, role: 'viewer', merchantId: shop.id, admin: true }, status: 422 },
    ];
    for (const { body, status } of cases) {
      const response = await callRoute(createUserRoute, { body });
      assert.equal(response.status, status, `${JSON.stringify(body)}: ${response.text}`);
      assert.ok(response.json.error.code);
    }
    assert.equal(await app.db.user.count(), before);
    const audit = await app.db.auditEvent.findFirstOrThrow({ where: { action: 'user.create', subjectId: created.id } });
    assert.equal(audit.actor, 'token:admin');
  });

  test('lists newest first with a keyset cursor; an owner sees only its merchant', async () => {
    const shop = await makeMerchant(app.db);
    const owner = await signedInUser(app.db, 'owner', shop.id);
    await signedInUser(app.db, 'viewer', shop.id);
    await signedInUser(app.db, 'viewer', shop.id);
    const first = await callRoute(listUsersRoute, { url: 'http://localhost/api/users?limit=2' });
    const page = userListSchema.parse(first.json);
    assert.equal(page.items.length, 2);
    assert.ok(page.nextCursor);
    const second = userListSchema.parse(
      (await callRoute(listUsersRoute, { url: `http://localhost/api/users?limit=2&cursor=${page.nextCursor}` })).json,
    );
    assert.ok(second.items.every((user) => !page.items.some((seen) => seen.id === user.id)));
    const mine = userListSchema.parse((await callRoute(listUsersRoute, asUser(owner))).json);
    assert.equal(mine.items.length, 3);
    assert.ok(mine.items.every((user) => user.merchantId === shop.id));
  });

  test('changing a role ends the sessions at once: the old cookie gets 401 right after', async () => {
    const analyst = await signedInUser(app.db, 'analyst');
    assert.equal((await callRoute(listAlertsRoute, asUser(analyst))).status, 200);
    const changed = await callRoute(updateUserRoute, { method: 'PATCH', params: { id: analyst.id }, body: { role: 'admin' } });
    assert.equal(changed.status, 200, changed.text);
    assert.equal(userSchema.parse(changed.json).role, 'admin');
    assert.equal((await callRoute(listAlertsRoute, asUser(analyst))).status, 401);
    const across = await callRoute(updateUserRoute, { method: 'PATCH', params: { id: analyst.id }, body: { role: 'owner' } });
    assert.equal(across.status, 422, 'staff stay staff');
  });

  test('removing a user ends its sessions at once; nobody removes themselves; owners only their own users', async () => {
    const shop = await makeMerchant(app.db);
    const other = await makeMerchant(app.db);
    const owner = await signedInUser(app.db, 'owner', shop.id);
    const viewer = await signedInUser(app.db, 'viewer', shop.id);
    const stranger = await signedInUser(app.db, 'viewer', other.id);
    const analyst = await signedInUser(app.db, 'analyst');
    assert.equal((await callRoute(deleteUserRoute, { ...asUser(owner), method: 'DELETE', params: { id: stranger.id } })).status, 404);
    assert.equal((await callRoute(deleteUserRoute, { ...asUser(owner), method: 'DELETE', params: { id: analyst.id } })).status, 404);
    assert.equal((await callRoute(deleteUserRoute, { ...asUser(owner), method: 'DELETE', params: { id: owner.id } })).status, 409);
    const removed = await callRoute(deleteUserRoute, { ...asUser(owner), method: 'DELETE', params: { id: viewer.id } });
    assert.equal(removed.status, 204, removed.text);
    assert.equal((await callRoute(listUsersRoute, asUser(viewer))).status, 401);
    assert.equal(await app.db.session.count({ where: { userId: viewer.id } }), 0);
    const audit = await app.db.auditEvent.findFirstOrThrow({ where: { action: 'user.remove', subjectId: viewer.id } });
    assert.equal(audit.actor, `user:${owner.email}`);
    assert.equal(audit.merchantId, shop.id);
  });

  test('sign-in: a wrong password is refused, and attempts are limited per client address', async () => {
    const person = await signedInUser(app.db, 'analyst');
    const wrong = await signInRequest(person.email, 'not the password at all', '10.0.0.1');
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers.getSetCookie().length, 0);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await signInRequest(person.email, testPassword, '10.0.0.2')).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 429]);
    assert.equal((await signInRequest(person.email, testPassword, '10.0.0.3')).status, 200, 'another address is not held back');
    assert.ok((await app.db.rateLimit.count()) > 0, 'counted in the database, shared by every web process');
  });
});
