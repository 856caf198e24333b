// Merchant isolation, generated from the route list: every operation of contracts/all-operations.ts (the list the
// OpenAPI document is made from) is called by merchant A's people (owner, developer, viewer sessions) and A's API key
// with merchant B's ids in every path parameter and id-like query and body field. No answer is 2xx with B's data,
// callers that hold the operation's level get 404 (as for ids that do not exist), and nothing of B changes. An
// operation without a declared scope fails the test.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { roleMayAccess, type Role } from '@/contracts/access';
import { allOperations } from '@/contracts/all-operations';
import type { Operation } from '@/contracts/operation';
import { makeMerchant } from '@/prisma/seed/factories';
import { callRoute } from '@/tests/helpers/call-route';
import { payThroughCallback } from '@/tests/helpers/paid-payment';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { asUser, signedInUser, type SignedInUser } from '@/tests/helpers/sign-in-user';
import { useApp } from '@/tests/helpers/use-app';
import { merchantDigest } from './merchant-digest';
import { declarationProblem, operationScopes, type MerchantIds, type ScopedRequest } from './operation-scopes';

const keys = makeWechatpayKeys();
// Every request must reach its route: the rate limits are out of reach here (tests/rate-limit covers them).
const app = useApp({ ...keys.env, RATE_LIMIT_API_PER_MINUTE: '1000000', RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '1000000' });
const apiDir = path.resolve(import.meta.dirname, '../../app/api');

type Shop = {
  ids: MerchantIds;
  name: string;
  apiKey: string;
  webhookSecret: string;
  people: Record<'owner' | 'developer' | 'viewer', SignedInUser>;
};

async function makeShop(name: string): Promise<Shop> {
  const merchant = await makeMerchant(app.db, { name });
  const { payment, delivery } = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: merchant.id });
  const people = {
    owner: await signedInUser(app.db, 'owner', merchant.id),
    developer: await signedInUser(app.db, 'developer', merchant.id),
    viewer: await signedInUser(app.db, 'viewer', merchant.id),
  };
  // A refund waiting for its provider and a settled day, written as the refund and settlement code writes them.
  const attempt = await app.db.paymentAttempt.update({
    where: { providerTradeNo: payment.providerTradeNo },
    data: { refundReserved: 100, refundCount: 1 },
  });
  const refund = await app.db.refund.create({
    data: {
      paymentId: payment.id,
      attemptId: attempt.id,
      merchantId: merchant.id,
      refundNo: `R-${name.length}-${payment.outTradeNo}`,
      providerRefundNo: `RF${payment.providerTradeNo}`,
      amount: 100,
      reason: 'customer',
      requestedBy: 'token:admin',
    },
  });
  const settlement = await app.db.settlement.create({
    data: {
      merchantId: merchant.id,
      day: new Date('2026-01-01T00:00:00Z'),
      grossAmount: 1_280n,
      refundAmount: 0n,
      feeAmount: 8n,
      netAmount: 1_272n,
      paymentCount: 1,
      refundCount: 0,
    },
  });
  return {
    name,
    apiKey: merchant.apiKey,
    webhookSecret: merchant.webhookSecret,
    people,
    ids: {
      merchant: merchant.id,
      payment: payment.id,
      outTradeNo: payment.outTradeNo,
      providerTradeNo: payment.providerTradeNo,
      delivery: delivery.id,
      user: people.viewer.id,
      refund: refund.id,
      settlement: settlement.id,
    },
  };
}

let a: Shop;
let b: Shop;
app.onStart(async () => {
  a = await makeShop('Shop A of the isolation test');
  b = await makeShop('Shop B of the isolation test');
});

/** What would betray B in an answer: its ids, its name, its people, its secrets. */
const tracesOf = (shop: Shop) => [
  ...Object.values(shop.ids),
  shop.name,
  shop.apiKey,
  shop.webhookSecret,
  ...Object.values(shop.people).flatMap((person) => [person.id, person.email]),
];

function fieldsOf(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
  return Object.keys(json.properties ?? {});
}

type Handler = Parameters<typeof callRoute>[0] & { operation?: Operation };

async function routeOf(operation: Operation): Promise<Handler> {
  const folder = operation.path.replace(/^\/api\/?/, '').replace(/\{(\w+)\}/g, '[$1]');
  const module = (await import(pathToFileURL(path.join(apiDir, folder, 'route.ts')).href)) as Record<string, Handler>;
  const handler = module[operation.method];
  assert.ok(handler, `${operation.id}: app/api/${folder}/route.ts exports no ${operation.method}`);
  if (handler.operation) assert.equal(handler.operation.id, operation.id, `${operation.method} ${operation.path} serves another operation`);
  return handler;
}

type Caller = { name: string; role: Role; call: { token: string | null; headers?: Record<string, string> } };

const callersOf = (shop: Shop): Caller[] => [
  { name: "A's owner session", role: 'owner', call: asUser(shop.people.owner) },
  { name: "A's developer session", role: 'developer', call: asUser(shop.people.developer) },
  { name: "A's viewer session", role: 'viewer', call: asUser(shop.people.viewer) },
  // A merchant API key acts as a developer of its merchant.
  { name: "A's API key", role: 'developer', call: { token: shop.apiKey } },
];

function send(handler: Handler, operation: Operation, request: ScopedRequest, caller: Caller) {
  const search = new URLSearchParams(request.query ?? {}).toString();
  return callRoute(handler, {
    ...caller.call,
    method: operation.method,
    params: request.params,
    body: operation.body ? (request.body ?? {}) : undefined,
    url: `http://localhost${operation.path}${search ? `?${search}` : ''}`,
  });
}

describe('merchant isolation across every operation', () => {
  test('every operation declares how it is scoped, and the declaration fills every id it takes', () => {
    const problems = allOperations
      .map((operation) => {
        const problem = declarationProblem(operation, operationScopes[operation.id], {
          query: fieldsOf(operation.query),
          body: fieldsOf(operation.body),
        });
        return problem && `${operation.id} (${operation.method} ${operation.path}) ${problem}`;
      })
      .filter(Boolean);
    assert.deepEqual(problems, []);
  });

  test('the check above fails for an operation nobody declared, or one declared wrongly', () => {
    const undeclared = { ...allOperations.find((operation) => operation.id === 'getPayment')!, id: 'getPayoutReceipt' };
    assert.match(declarationProblem(undeclared, operationScopes[undeclared.id], { query: [], body: [] }) ?? '', /no scope declared/);
    const listDeliveries = allOperations.find((operation) => operation.id === 'listDeliveries')!;
    const withNewFilter = [...fieldsOf(listDeliveries.query), 'refundId'];
    assert.match(
      declarationProblem(listDeliveries, operationScopes.listDeliveries, { query: withNewFilter, body: [] }) ?? '',
      /query field refundId/,
    );
    const staffRead = allOperations.find((operation) => operation.id === 'listRiskAlerts')!;
    assert.match(
      declarationProblem({ ...staffRead, auth: { staff: 'read', merchant: 'read' } }, operationScopes.listRiskAlerts, {
        query: [],
        body: [],
      }) ?? '',
      /staff-only/,
    );
  });

  test("merchant A's people and API key never get a 2xx with B's data, and B's ids answer 404", async () => {
    const bBefore = await merchantDigest(app.db, b.ids.merchant);
    const failures: string[] = [];
    const traces = tracesOf(b);
    let probed = 0;
    for (const operation of allOperations) {
      const declared = operationScopes[operation.id];
      if (!declared || declared.scope === 'stream' || (declared.scope === 'public' && declared.skipCall)) continue;
      const handler = await routeOf(operation);
      const request = declared.scope === 'merchant' ? declared.request(b.ids) : (declared.request?.(b.ids) ?? {});
      for (const caller of callersOf(a)) {
        const answer = await send(handler, operation, request, caller);
        probed += 1;
        const label = `${operation.id} as ${caller.name}: ${answer.status}`;
        if (answer.status >= 200 && answer.status < 300) {
          const leaked = traces.filter((trace) => answer.text.includes(trace));
          if (declared.scope !== 'public')
            failures.push(`${label} (a success with B's ids${leaked.length ? `, showing ${leaked.join(', ')}` : ''})`);
          else if (leaked.length) failures.push(`${label} shows ${leaked.join(', ')}`);
          continue;
        }
        if (declared.scope === 'staff' && answer.status !== 403) failures.push(`${label}, not 403 (staff only)`);
        if (declared.scope === 'merchant') {
          const holds = operation.auth !== 'none' && roleMayAccess(caller.role, operation.auth);
          const expected = holds ? [404] : [403];
          if (!expected.includes(answer.status)) failures.push(`${label}, expected ${expected.join('/')}: ${answer.text.slice(0, 200)}`);
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(probed >= allOperations.length * 3, `only ${probed} requests made`);
    assert.deepEqual(await merchantDigest(app.db, b.ids.merchant), bBefore, "nothing of B's changed");
  });

  test("the same reads with A's own ids answer 200 with A's data (the 404s above are the scope, not a bad request)", async () => {
    const failures: string[] = [];
    for (const operation of allOperations) {
      const declared = operationScopes[operation.id];
      if (declared?.scope !== 'merchant' || operation.method !== 'GET') continue;
      const handler = await routeOf(operation);
      for (const caller of callersOf(a)) {
        if (operation.auth !== 'none' && !roleMayAccess(caller.role, operation.auth)) continue;
        const answer = await send(handler, operation, declared.request(a.ids), caller);
        if (answer.status !== 200) failures.push(`${operation.id} as ${caller.name}: ${answer.status} ${answer.text.slice(0, 200)}`);
        else if (operation.response) {
          const parsed = operation.response.safeParse(answer.json);
          if (!parsed.success) failures.push(`${operation.id}: the answer does not parse with its response schema`);
          const counted = typeof answer.json?.count === 'number' && answer.json.count > 0;
          if (!counted && !answer.text.includes(a.ids.merchant) && !answer.text.includes(a.ids.payment))
            failures.push(`${operation.id} as ${caller.name}: 200 without A's data`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  test("lists asked without a merchant filter show A's rows and none of B's", async () => {
    for (const id of ['listPayments', 'listDeliveries', 'listUsers'] as const) {
      const operation = allOperations.find((candidate) => candidate.id === id)!;
      const handler = await routeOf(operation);
      const answer = await send(handler, operation, {}, callersOf(a)[0]);
      assert.equal(answer.status, 200, `${id}: ${answer.text}`);
      const list = z.object({ items: z.array(z.object({ id: z.string() }).loose()) }).parse(answer.json);
      assert.ok(list.items.length > 0, `${id} lists A's own`);
      assert.deepEqual(
        tracesOf(b).filter((trace) => answer.text.includes(trace)),
        [],
        `${id} shows B's data`,
      );
    }
  });
});
