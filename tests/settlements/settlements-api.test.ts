// GET /api/settlements (DESIGN §5), its CSV, the drill-down of a row, the recompute, and `settle` through
// POST /api/lifecycle/run: rows exactly as stored, merchant-scoped, keyset-paginated, bad input refused untouched.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as runRoute } from '@/app/api/lifecycle/run/route';
import { GET as entriesRoute } from '@/app/api/settlements/[id]/entries/route';
import { POST as recomputeRoute } from '@/app/api/settlements/recompute/route';
import { GET as listRoute } from '@/app/api/settlements/route';
import { lifecycleRunSchema } from '@/contracts/lifecycle';
import {
  type SettlementEntry,
  listSettlementEntriesOperation,
  listSettlementsOperation,
  recomputeSettlementsOperation,
} from '@/contracts/settlements';
import { settleDay } from '@/server/settlements/settle-day';
import { callRoute } from '@/tests/helpers/call-route';
import { databaseDigest } from '@/tests/helpers/database-digest';
import { adminToken } from '@/tests/helpers/test-database';
import { attemptOf, bookAt, feeMerchant } from '@/tests/helpers/ledger-facts';
import { parseCsv } from '@/tests/helpers/parse-csv';
import { asUser, signedInUser } from '@/tests/helpers/sign-in-user';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp({ SETTLEMENT_TIMEZONE: 'Asia/Shanghai', SETTLEMENT_DELAY_SECONDS: '0' });
const zone = 'Asia/Shanghai';
const days = ['2026-03-01', '2026-03-02', '2026-03-03'];
const listSchema = listSettlementsOperation.response;

const list = (query: string, token?: string | null, extra: Parameters<typeof callRoute>[1] = {}) =>
  callRoute(listRoute, { url: `http://localhost/api/settlements${query ? `?${query}` : ''}`, token, ...extra });

/** Two merchants with a payment, a fee and a refund on each of three days (the third a refund only), settled. */
const books = (async () => {
  await new Promise<void>((resolve) => app.onStart(async () => resolve()));
  const shop = await feeMerchant(app.db, 6_000, '=HYPERLINK("http://evil.example","全家")');
  const other = await feeMerchant(app.db, 6_000);
  for (const [index, merchant] of [shop, other].entries()) {
    const attempt = await attemptOf(app.db, merchant.id, 100_000);
    for (const [day, date] of days.entries()) {
      const noon = new Date(`${date}T04:00:00Z`);
      if (day < 2) await bookAt(app.db, attempt, [{ kind: 'payment', amount: 1_000 * (day + 1) + index, at: noon }]);
      if (day < 2) await bookAt(app.db, attempt, [{ kind: 'fee', amount: 6 * (day + 1), at: noon }]);
      await bookAt(app.db, attempt, [
        { kind: 'refund', amount: 2_500, at: noon },
        { kind: 'fee_return', amount: 15, at: noon },
      ]);
    }
  }
  for (const date of days) await settleDay({ db: app.db, date, timeZone: zone });
  return { shop, other };
})();

describe('GET /api/settlements', () => {
  test('staff read every merchant’s rows, newest day first, exactly as stored; the range and merchant filter them', async () => {
    const { shop, other } = await books;
    const all = await list('');
    assert.equal(all.status, 200, all.text);
    const { items } = listSchema.parse(all.json);
    assert.deepEqual(
      items.map((row) => [row.date, row.merchantId]),
      days.toReversed().flatMap((date) =>
        [shop.id, other.id]
          .sort()
          .reverse()
          .map((id) => [date, id]),
      ),
    );
    const row = items.find((item) => item.merchantId === shop.id && item.date === '2026-03-03')!;
    assert.deepEqual(
      { ...row, id: undefined, merchantName: undefined },
      {
        id: undefined,
        merchantName: undefined,
        merchantId: shop.id,
        date: '2026-03-03',
        currency: 'CNY',
        grossAmount: 0,
        refundAmount: 2_500,
        feeAmount: -15,
        netAmount: -2_485,
        paymentCount: 0,
        refundCount: 1,
      },
    );
    const ranged = listSchema.parse((await list(`merchantId=${shop.id}&from=2026-03-02&to=2026-03-02`)).json);
    assert.deepEqual(
      ranged.items.map((item) => [item.date, item.grossAmount, item.feeAmount, item.netAmount]),
      [['2026-03-02', 2_000, -3, 2_000 - 2_500 + 3]],
    );
  });

  test('keyset pages walk every row once, whatever the page size', async () => {
    await books;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = listSchema.parse((await list(`limit=4${cursor ? `&cursor=${cursor}` : ''}`)).json);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    const whole = listSchema.parse((await list('limit=200')).json);
    assert.deepEqual(
      seen,
      whole.items.map((item) => item.id),
    );
    assert.equal(seen.length, 6);
  });

  test('a merchant (API key or signed-in user) sees only its own; another merchant’s id is not found', async () => {
    const { shop, other } = await books;
    const own = listSchema.parse((await list('', shop.apiKey)).json);
    assert.deepEqual(new Set(own.items.map((item) => item.merchantId)), new Set([shop.id]));
    assert.equal(own.items.length, 3);
    assert.equal((await list(`merchantId=${other.id}`, shop.apiKey)).status, 404);
    const viewer = await signedInUser(app.db, 'viewer', other.id);
    const theirs = listSchema.parse((await list('', undefined, asUser(viewer))).json);
    assert.deepEqual(new Set(theirs.items.map((item) => item.merchantId)), new Set([other.id]));
    assert.equal((await list('', null)).status, 401);
  });

  test('the CSV starts with a UTF-8 byte-order mark', async () => {
    await books;
    const raw = await listRoute(
      new Request('http://localhost/api/settlements?format=csv', { headers: { authorization: `Bearer ${adminToken}` } }),
      { params: Promise.resolve({}) },
    );
    assert.deepEqual([...new Uint8Array(await raw.arrayBuffer()).slice(0, 4)], [0xef, 0xbb, 0xbf, 0x22]);
  });

  test('the CSV streams the same rows as the API: BOM, quoted, CRLF, formulas inert, negative nets as numbers', async () => {
    const { shop } = await books;
    for (const ask of [{ headers: { accept: 'text/csv' } }, { url: 'http://localhost/api/settlements?format=csv' }]) {
      const csv = await callRoute(listRoute, { url: 'http://localhost/api/settlements', ...ask });
      assert.equal(csv.status, 200, csv.text);
      assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
      assert.match(csv.headers.get('content-disposition') ?? '', /filename="settlements.csv"/);
      assert.ok(csv.text.startsWith('"id"'), 'quoted headers');
      assert.ok(csv.text.includes('\r\n"'), 'CRLF records');
      const [header, ...rows] = parseCsv(csv.text);
      const api = listSchema.parse((await list('limit=200')).json).items;
      assert.equal(rows.length, api.length);
      const fields = Object.keys(api[0]);
      for (const [index, item] of api.entries()) {
        const record = Object.fromEntries(header.map((name, column) => [name, rows[index][column]]));
        for (const field of fields) {
          const expected =
            field === 'merchantName' && item.merchantId === shop.id ? `'${item.merchantName}` : String(item[field as keyof typeof item]);
          assert.equal(record[field], expected, `${field} of row ${index}`);
        }
        assert.equal(record.net, (item.netAmount / 100).toFixed(2));
      }
    }
  });

  test('bad dates, a reversed range, bad cursors and bad formats are refused with 422 and change nothing', async () => {
    await books;
    const before = await databaseDigest(app.db, ['api_rate_limit', 'rate_limit']);
    for (const bad of [
      'from=2026-02-30',
      'to=2026-3-1',
      'from=yesterday',
      'from=0000-01-01',
      'from=2026-03-03&to=2026-03-01',
      'cursor=not-a-cursor',
      `cursor=${Buffer.from('["2026-03-01","x","CNY"]').toString('base64url')}`,
      'merchantId=123',
      'limit=0',
      'format=xls',
    ]) {
      for (const ask of [{}, { headers: { accept: 'text/csv' } }]) {
        const answer = await list(bad, undefined, ask);
        assert.equal(answer.status, 422, `${bad}: ${answer.text}`);
        assert.equal(answer.json.error.code, 'validation_failed');
        assert.match(answer.json.error.message, /\w/);
      }
    }
    assert.deepEqual(await databaseDigest(app.db, ['api_rate_limit', 'rate_limit']), before);
  });
});

describe('the drill-down of a settlement row', () => {
  test('its entries, page by page, sum to the row; another merchant’s row is not found', async () => {
    const { shop, other } = await books;
    const { items } = listSchema.parse((await list(`merchantId=${shop.id}`)).json);
    for (const row of items) {
      const entries: SettlementEntry[] = [];
      let cursor: string | null = null;
      do {
        const answer = await callRoute(entriesRoute, {
          params: { id: row.id },
          url: `http://localhost/api/settlements/${row.id}/entries?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
          token: shop.apiKey,
        });
        assert.equal(answer.status, 200, answer.text);
        const page = listSettlementEntriesOperation.response.parse(answer.json);
        assert.deepEqual(page.settlement, row);
        entries.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      const sum = (kind: string) => entries.filter((entry) => entry.kind === kind).reduce((total, entry) => total + entry.amount, 0);
      assert.equal(sum('payment'), row.grossAmount);
      assert.equal(sum('refund'), row.refundAmount);
      assert.equal(sum('fee') - sum('fee_return'), row.feeAmount);
      assert.equal(
        entries.reduce((total, entry) => total + entry.netEffect, 0),
        row.netAmount,
      );
      assert.equal(entries.filter((entry) => entry.kind === 'payment').length, row.paymentCount);
    }
    const foreign = await callRoute(entriesRoute, { params: { id: items[0].id }, token: other.apiKey });
    assert.equal(foreign.status, 404);
    for (const id of ['not-a-uuid', '0196f000-0000-7000-8000-000000000000'])
      assert.equal((await callRoute(entriesRoute, { params: { id } })).status, 404);
    const badCursor = await callRoute(entriesRoute, { params: { id: items[0].id }, url: 'http://localhost/x?cursor=abc' });
    assert.equal(badCursor.status, 422);
  });
});

describe('recompute and the settle task', () => {
  test('POST /api/settlements/recompute matches every settled row to the cent; bad ranges are refused', async () => {
    await books;
    const answer = await callRoute(recomputeRoute, { body: { from: '2026-02-01', to: '2026-03-31' } });
    assert.equal(answer.status, 200, answer.text);
    const result = recomputeSettlementsOperation.response.parse(answer.json);
    assert.deepEqual([result.settledDays, result.rowsCompared, result.matching, result.differences], [3, 6, 6, []]);
    for (const body of [
      { from: '2026-03-02', to: '2026-03-01' },
      { from: '2026-02-29', to: '2026-03-01' },
      { from: '2025-01-01', to: '2026-03-01' },
      {},
    ])
      assert.equal((await callRoute(recomputeRoute, { body })).status, 422, JSON.stringify(body));
    const { shop } = await books;
    assert.equal((await callRoute(recomputeRoute, { body: { from: '2026-03-01', to: '2026-03-01' }, token: shop.apiKey })).status, 403);
  });

  test('POST /api/lifecycle/run {task: settle} settles the days that ended, once', async () => {
    const { shop } = await books;
    const attempt = await attemptOf(app.db, shop.id);
    const yesterday = new Date(Date.now() - 86_400_000);
    await bookAt(app.db, attempt, [{ kind: 'payment', amount: 4_321, at: yesterday }]);
    // From the last settled day to yesterday, at most 62 days a pass (and 31 checked): a gateway catching up takes a few passes.
    const runs = [];
    for (let pass = 0; pass < 20; pass++) {
      const answer = await callRoute(runRoute, { body: { task: 'settle' } });
      assert.equal(answer.status, 200, answer.text);
      const run = lifecycleRunSchema.parse(answer.json);
      if (run.examined === 0) break;
      runs.push(run);
    }
    assert.ok(runs.length > 0 && runs.every((run) => run.outcomes.days_settled <= 62 && run.outcomes.days_already_settled === 0));
    // Each settled day is checked against the ledger once more by a later pass: every one matched.
    assert.ok(runs.every((run) => run.outcomes.settlement_mismatches === 0));
    const unchecked = await app.db.settlementDay.count({ where: { checkedAt: null } });
    assert.equal(unchecked, 0);
    const again = lifecycleRunSchema.parse((await callRoute(runRoute, { body: { task: 'settle' } })).json);
    assert.deepEqual([again.examined, again.items], [0, []]);
    const rows = listSchema.parse((await list(`merchantId=${shop.id}&from=2026-04-01`)).json).items;
    assert.deepEqual(
      rows.map((row) => row.grossAmount),
      [4_321],
    );
    assert.ok(runs.flatMap((run) => run.items).some((item) => item.id === rows[0].id));
    assert.equal((await callRoute(runRoute, { body: { task: 'settle', date: '2026-03-01' } })).status, 422);
  });
});
