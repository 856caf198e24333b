// API requests are limited per principal, refused credentials per source address and sign-ins per account and
// address, all counted in PostgreSQL so that every web process spends the same budget.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GET as listMerchantsRoute } from '@/app/api/merchants/route';
import { GET as openApiRoute } from '@/app/api/openapi.json/route';
import { GET as listPaymentsRoute } from '@/app/api/payments/route';
import { allOperations } from '@/contracts/all-operations';
import { makeMerchant } from '@/prisma/seed/factories';
import { isAppError } from '@/lib/errors';
import { getMetrics } from '@/lib/metrics/metrics';
import { clearSignInLimit, limitSignIn } from '@/lib/rate-limit/limit-sign-in';
import { sourceAddress } from '@/lib/rate-limit/source-address';
import { callRoute } from '@/tests/helpers/call-route';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp({
  RATE_LIMIT_API_PER_MINUTE: '5',
  RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '3',
  RATE_LIMIT_SIGN_IN_PER_ACCOUNT: '3',
  RATE_LIMIT_SIGN_IN_PER_ADDRESS: '5',
});

/** A new web process: its limiters start with nothing in memory, so whatever they know comes from the database. */
function asAnotherProcess() {
  (globalThis as unknown as { paygateLimiters?: unknown }).paygateLimiters = undefined;
}

async function rateLimitedCount(limit: string): Promise<number> {
  const metric = await getMetrics().rateLimited.get();
  return metric.values.find((value) => value.labels.limit === limit)?.value ?? 0;
}

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('API rate limits', () => {
  test('a principal past its budget gets 429 with Retry-After in the error shape, in every process; others are not affected', async () => {
    const merchant = await makeMerchant(app.db);
    const before = await rateLimitedCount('api');
    for (let i = 0; i < 3; i += 1) assert.equal((await callRoute(listMerchantsRoute)).status, 200);
    asAnotherProcess();
    for (let i = 0; i < 2; i += 1) assert.equal((await callRoute(listMerchantsRoute)).status, 200);
    const limited = await callRoute(listMerchantsRoute);
    assert.equal(limited.status, 429);
    assert.equal(limited.json.error.code, 'rate_limited');
    assert.equal(typeof limited.json.error.message, 'string');
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal(await rateLimitedCount('api'), before + 1);

    // A merchant key has a budget of its own.
    const asMerchant = await callRoute(listPaymentsRoute, { token: merchant.apiKey });
    assert.equal(asMerchant.status, 200, asMerchant.text);
    assert.equal((await callRoute(listPaymentsRoute)).status, 429, 'the admin token is limited on every route');
    const rows = await app.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM api_rate_limit WHERE key LIKE 'api:%'`;
    assert.equal(rows[0].n, 2, 'one counter per principal, in the shared table');
  });

  test('refused credentials are counted per source address: 401 until the budget is spent, then 429', async () => {
    const from = (address: string) => ({ token: 'not-a-real-token-at-all', headers: { 'x-forwarded-for': address } });
    for (let i = 0; i < 3; i += 1) assert.equal((await callRoute(listMerchantsRoute, from('198.51.100.7'))).status, 401);
    const limited = await callRoute(listMerchantsRoute, from('198.51.100.7'));
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal((await callRoute(listMerchantsRoute, from('198.51.100.8'))).status, 401, 'another address is not limited');
  });
});

describe('the contract', () => {
  test('every operation behind credentials, and the callbacks, documents 429 in the OpenAPI document', async () => {
    const document = (await callRoute(openApiRoute, { token: null })).json;
    const limited = allOperations.filter((operation) => operation.auth !== 'none' || operation.rawBody);
    assert.ok(limited.length > 10);
    for (const operation of limited) {
      const responses = document.paths[operation.path][operation.method.toLowerCase()].responses;
      assert.ok(responses['429'], `${operation.id} does not document 429`);
    }
  });
});

describe('sign-in limits', () => {
  test('limitSignIn throws rate_limited past the account budget from any address, and clearSignInLimit forgives it', async () => {
    await limitSignIn({ email: 'Ops@Example.com', ip: '203.0.113.1' });
    await limitSignIn({ email: 'ops@example.com', ip: '203.0.113.2' });
    asAnotherProcess();
    await limitSignIn({ email: 'ops@example.com ', ip: '203.0.113.3' });
    const error = await rejection(limitSignIn({ email: 'ops@example.com', ip: '203.0.113.4' }));
    assert.ok(isAppError(error) && error.code === 'rate_limited' && error.status === 429, String(error));
    await limitSignIn({ email: 'other@example.com', ip: '203.0.113.4' });
    await clearSignInLimit({ email: 'ops@example.com' });
    await limitSignIn({ email: 'ops@example.com', ip: '203.0.113.4' });
  });

  test('limitSignIn throws rate_limited past the address budget whichever accounts it tries', async () => {
    for (let i = 0; i < 5; i += 1) await limitSignIn({ email: `user${i}@example.com`, ip: '192.0.2.50' });
    const error = await rejection(limitSignIn({ email: 'fresh@example.com', ip: '192.0.2.50' }));
    assert.ok(isAppError(error) && error.code === 'rate_limited', String(error));
  });
});

describe('source address', () => {
  const of = (value?: string) => sourceAddress(new Headers(value === undefined ? {} : { 'x-forwarded-for': value }));

  test('with no trusted proxy, the rightmost X-Forwarded-For entry (the one Next.js writes from the socket)', () => {
    assert.equal(of('192.0.2.1'), '192.0.2.1');
    assert.equal(of('10.0.0.1, 192.0.2.1'), '192.0.2.1');
    assert.equal(of('::ffff:192.0.2.1'), '192.0.2.1', 'IPv4-mapped IPv6 is the IPv4 address');
    assert.equal(of('192.0.2.1:4711'), '192.0.2.1');
  });

  test('IPv6 is keyed by its /64, and what is not an address cannot mint keys', () => {
    assert.equal(of('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(of('2001:db8:1:2:bbbb::9'), '2001:db8:1:2::/64');
    assert.equal(of('not an address'), 'unknown');
    assert.equal(of(`${'a'.repeat(500)}`), 'unknown');
    assert.equal(of(), 'unknown');
  });
});
