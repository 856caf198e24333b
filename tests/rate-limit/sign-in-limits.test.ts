// The sign-in endpoint itself spends the shared limits: attempts per account from any address, attempts per client
// address whatever accounts they try, and better-auth's own per-address window, all keyed on the address that
// TRUSTED_PROXY_HOPS trusts, so a sender cannot buy fresh budget by writing its own X-Forwarded-For entries.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { errorBodySchema } from '@/contracts/common';
import { createUser } from '@/server/users/create-user';
import { adminTokenPrincipal } from '@/lib/auth/principal';
import { signInRequest, testPassword } from '@/tests/helpers/sign-in-user';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp({
  RATE_LIMIT_SIGN_IN_PER_ACCOUNT: '3',
  RATE_LIMIT_SIGN_IN_PER_ADDRESS: '6',
  SIGN_IN_ATTEMPTS_PER_MINUTE: '50',
  TRUSTED_PROXY_HOPS: '1',
});

let people = 0;
async function person(): Promise<string> {
  people += 1;
  const email = `limited-${people}-${process.pid}@shop.test`;
  await createUser({ db: app.db, principal: adminTokenPrincipal, input: { email, password: testPassword, role: 'analyst' } });
  return email;
}

async function assertRateLimited(response: Response) {
  assert.equal(response.status, 429);
  assert.ok(Number(response.headers.get('retry-after')) >= 1, 'Retry-After in whole seconds');
  assert.equal(errorBodySchema.parse(await response.json()).error.code, 'rate_limited');
  assert.equal(response.headers.getSetCookie().length, 0, 'no session cookie');
}

describe('sign-in limits', () => {
  test('an account is held back after its budget of attempts from any addresses, even with the right password', async () => {
    const email = await person();
    for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      assert.equal((await signInRequest(email, 'a wrong password here', ip)).status, 401);
    }
    const sessionsBefore = await app.db.session.count();
    await assertRateLimited(await signInRequest(email, testPassword, '203.0.113.4'));
    assert.equal(await app.db.session.count(), sessionsBefore, 'nothing signed in');
    assert.equal((await signInRequest(await person(), testPassword, '203.0.113.4')).status, 200, 'another account is not held back');
  });

  test('a successful sign-in forgives the account its failed attempts', async () => {
    const email = await person();
    assert.equal((await signInRequest(email, 'a wrong password here', '198.51.100.1')).status, 401);
    assert.equal((await signInRequest(email, 'a wrong password here', '198.51.100.1')).status, 401);
    assert.equal((await signInRequest(email, testPassword, '198.51.100.1')).status, 200);
    assert.equal((await signInRequest(email, 'a wrong password here', '198.51.100.2')).status, 401);
    assert.equal((await signInRequest(email, 'a wrong password here', '198.51.100.2')).status, 401);
    assert.equal((await signInRequest(email, testPassword, '198.51.100.2')).status, 200, 'its count started again');
  });

  test('an address is held back across accounts, and entries the sender wrote into X-Forwarded-For do not change it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      // With one trusted proxy, only the rightmost entry is the client; everything left of it is the sender's own text.
      const response = await signInRequest(await person(), testPassword, `10.${i}.0.1, 192.0.2.77`);
      statuses.push(response.status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200]);
    await assertRateLimited(await signInRequest(await person(), testPassword, '10.99.0.1, 192.0.2.77'));
    assert.equal((await signInRequest(await person(), testPassword, '192.0.2.78')).status, 200, 'another address is not held back');
  });

  test('a sign-in body that is not JSON or names no email is refused by better-auth, and counts nothing', async () => {
    const { handleAuthRequest } = await import('@/lib/auth/handle-auth-request');
    const rowsBefore = await app.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM api_rate_limit`;
    for (const body of ['not json', '{}', '{"email": 5}']) {
      const response = await handleAuthRequest(
        new Request('http://localhost/api/auth/sign-in/email', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'http://localhost', 'x-forwarded-for': '192.0.2.200' },
          body,
        }),
      );
      assert.ok(response.status >= 400 && response.status < 500, `${body}: ${response.status}`);
    }
    const rowsAfter = await app.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM api_rate_limit`;
    assert.equal(rowsAfter[0].n, rowsBefore[0].n);
  });
});
