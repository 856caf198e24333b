import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Prisma } from '@/generated/prisma/client';
import { GET as listRoute } from '@/app/api/payments/route';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { listPaymentsOperation } from '@/contracts/payment-list';
import { paymentIdSearch } from '@/server/payments/payment-id-search';
import { callRoute } from '@/tests/helpers/call-route';
import { payThroughCallback } from '@/tests/helpers/paid-payment';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { useApp } from '@/tests/helpers/use-app';

const keys = makeWechatpayKeys();
const app = useApp(keys.env);

type Item = { id: string; merchantId: string; merchantName: string; provider: string; status: string; amount: number; createdAt: string };

async function list(query: string, token?: string | null) {
  const response = await callRoute(listRoute, { url: `http://localhost/api/payments?${query}`, token });
  if (response.status === 200) listPaymentsOperation.response.parse(response.json);
  return response;
}

/** Every page of a query, followed by its cursors. */
async function listAll(query: string, token?: string, limit = 4): Promise<Item[]> {
  const items: Item[] = [];
  let cursor = '';
  for (let page = 0; page < 50; page++) {
    const response = await list(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, token);
    assert.equal(response.status, 200, response.text);
    items.push(...response.json.items);
    if (!response.json.nextCursor) return items;
    cursor = response.json.nextCursor;
  }
  throw new Error('more than 50 pages');
}

let shop: Awaited<ReturnType<typeof makeMerchant>>;
let other: Awaited<ReturnType<typeof makeMerchant>>;
let all: {
  id: string;
  merchantId: string;
  provider: string;
  status: string;
  amount: number;
  createdAt: Date;
  flaggedReason: string | null;
}[];

const newestFirst = (a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }) =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

app.onStart(async () => {
  shop = await makeMerchant(app.db, { name: 'Lawson Xujiahui' });
  other = await makeMerchant(app.db, { name: 'FamilyMart Jing’an' });
  for (const [i, provider] of (['wechatpay', 'alipay', 'sandbox', 'wechatpay', 'alipay', 'wechatpay'] as const).entries()) {
    await makePayment(app.db, { merchantId: shop.id, provider, amount: 500 * (i + 1) });
    await makePayment(app.db, { merchantId: other.id, provider, amount: 700 * (i + 1) });
  }
  for (let i = 0; i < 3; i++) await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: shop.id, amount: 900 + i });
  await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: other.id, amount: 4_000 });
  const byAmount = async (amount: number, data: Prisma.PaymentUpdateManyMutationInput) =>
    app.db.payment.updateMany({ where: { amount }, data });
  await byAmount(1_000, { status: 'closed' });
  await byAmount(2_100, { status: 'failed' });
  await byAmount(901, { flaggedReason: 'settled while the merchant was blocked' });
  all = (await app.db.payment.findMany()).sort(newestFirst);
});

describe('GET /api/payments', () => {
  test('each filter, alone and combined, lists exactly the matching payments, newest first, page after page', async () => {
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
    const cases: [string, (p: (typeof all)[number]) => boolean][] = [
      ['', () => true],
      [`merchantId=${shop.id}`, (p) => p.merchantId === shop.id],
      ['provider=alipay', (p) => p.provider === 'alipay'],
      ['status=succeeded', (p) => p.status === 'succeeded'],
      ['status=closed', (p) => p.status === 'closed'],
      ['amountMin=1000&amountMax=2100', (p) => p.amount >= 1000 && p.amount <= 2100],
      ['amountMin=3500', (p) => p.amount >= 3500],
      ['flagged=true', (p) => p.flaggedReason !== null],
      ['flagged=false', (p) => p.flaggedReason === null],
      [`merchantId=${shop.id}&status=succeeded`, (p) => p.merchantId === shop.id && p.status === 'succeeded'],
      [
        `merchantId=${other.id}&provider=wechatpay&amountMax=3000`,
        (p) => p.merchantId === other.id && p.provider === 'wechatpay' && p.amount <= 3000,
      ],
      [`since=${all[5].createdAt.toISOString()}`, (p) => p.createdAt >= all[5].createdAt],
      [`until=${all[5].createdAt.toISOString()}`, (p) => p.createdAt < all[5].createdAt],
    ];
    for (const [query, matches] of cases) {
      const expected = ids(all.filter(matches));
      assert.ok(query === '' || expected.length < all.length, `${query} should leave some payments out`);
      assert.deepEqual(ids(await listAll(query)), expected, query || '(no filter)');
    }
    const [first] = (await list(`merchantId=${shop.id}&limit=1`)).json.items;
    assert.equal(first.merchantName, 'Lawson Xujiahui');
  });

  test('any id finds its payment: ours, the outTradeNo (of every merchant that used it), our providerTradeNo, the provider’s transaction id', async () => {
    const shared = `SHARED${Date.now()}`;
    const mine = await makePayment(app.db, { merchantId: shop.id, outTradeNo: shared });
    const theirs = await makePayment(app.db, { merchantId: other.id, outTradeNo: shared });
    const paid = await app.db.payment.findFirstOrThrow({ where: { merchantId: other.id, status: 'succeeded' } });
    const found = async (q: string, token?: string) => (await listAll(`q=${encodeURIComponent(q)}`, token)).map((item) => item.id).sort();
    assert.deepEqual(await found(mine.id), [mine.id]);
    assert.deepEqual(await found(mine.id.toUpperCase()), [mine.id]);
    assert.deepEqual(await found(shared), [mine.id, theirs.id].sort());
    assert.deepEqual(await found(paid.providerTransactionId!), [paid.id]);
    assert.deepEqual(await found(mine.providerTradeNo!), [mine.id]);
    assert.deepEqual(await found('NO-SUCH-ID'), []);
    assert.deepEqual(await found(shared, shop.apiKey), [mine.id]);
    assert.deepEqual(await found(theirs.id, shop.apiKey), []);
    const filtered = await list(`q=${shared}&merchantId=${other.id}`);
    assert.deepEqual(
      filtered.json.items.map((item: Item) => item.id),
      [theirs.id],
    );
  });

  test('every branch of the id search is a lookup in the index of its column', async () => {
    const plan = async (q: string) =>
      app.db.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
        const [row] = await tx.$queryRaw<{ 'QUERY PLAN': unknown }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${paymentIdSearch(q)}`);
        return JSON.stringify(row['QUERY PLAN']);
      });
    // Each branch names the index that leads with the column it looks up (a skip scan of another is no lookup).
    const id = '0196b0c4-0000-7000-8000-000000000001';
    const byId = await plan(id);
    assert.doesNotMatch(byId, /Seq Scan/, byId);
    assert.match(byId, /"Index Name":"payment_pkey"/);
    const byText = await plan('T20261201abcdef');
    assert.doesNotMatch(byText, /Seq Scan/, byText);
    assert.match(byText, /"Index Name":"payment_out_trade_no_idx"/);
    assert.match(byText, /"Index Name":"payment_provider_provider_transaction_id_key"/);
    assert.match(byText, /"Index Name":"payment_attempt_provider_trade_no_key"/);
    assert.match(byText, /"Index Name":"payment_attempt_provider_provider_transaction_id_key"/);
  });

  test('a merchant key lists only its own; another merchant’s filter is not found; bad filters are 422, never 5xx', async () => {
    const own = await listAll('', shop.apiKey);
    const expected = (await app.db.payment.findMany({ where: { merchantId: shop.id } })).sort(newestFirst);
    assert.ok(expected.length > 0);
    assert.deepEqual(
      own.map((item) => item.id),
      expected.map((p) => p.id),
    );
    assert.equal((await list(`merchantId=${other.id}`, shop.apiKey)).status, 404);
    assert.equal((await list('', null)).status, 401);
    assert.equal((await list('', 'mk_not-a-key')).status, 401);
    for (const bad of [
      'amountMin=abc',
      'amountMin=5&amountMax=4',
      'status=paid',
      'flagged=maybe',
      'since=yesterday',
      'cursor=garbage',
      'q=a%20b',
      'limit=500',
      'merchantId=12',
    ]) {
      const response = await list(bad);
      assert.equal(response.status, 422, `${bad}: ${response.text}`);
      assert.equal(typeof response.json.error.message, 'string');
    }
  });
});
