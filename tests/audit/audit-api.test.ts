// GET /api/audit: the trail newest first, filtered by actor, action, merchant, subject and time, keyset-paginated;
// staff only; bad filters and cursors are refused before any query runs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { v7 as uuidv7 } from 'uuid';
import { GET as auditRoute } from '@/app/api/audit/route';
import { POST as blockRoute } from '@/app/api/merchants/[id]/block/route';
import { makeMerchant } from '@/prisma/seed/factories';
import { listAuditEventsOperation } from '@/contracts/audit';
import { callRoute } from '@/tests/helpers/call-route';
import { databaseDigest } from '@/tests/helpers/database-digest';
import { asUser, signedInUser } from '@/tests/helpers/sign-in-user';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp();

async function list(query: string, caller: object = {}) {
  const response = await callRoute(auditRoute, { ...caller, url: `http://localhost/api/audit?${query}` });
  const body = response.status === 200 ? listAuditEventsOperation.response.parse(response.json) : undefined;
  return { ...response, body };
}

/** Every page of a query, following its cursors. */
async function allPages(query: string, limit: number) {
  const ids: string[] = [];
  let cursor = '';
  for (let page = 0; page < 50; page++) {
    const response = await list(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(response.status, 200, response.text);
    ids.push(...response.body!.items.map((item) => item.id));
    if (!response.body!.nextCursor) return ids;
    cursor = response.body!.nextCursor;
  }
  throw new Error('too many pages');
}

describe('GET /api/audit', () => {
  test('an action appears with its person, reason and before → after', async () => {
    const analyst = await signedInUser(app.db, 'analyst');
    const shop = await makeMerchant(app.db);
    assert.equal(
      (await callRoute(blockRoute, { ...asUser(analyst), params: { id: shop.id }, body: { reason: 'spike at noon' } })).status,
      200,
    );
    const response = await list(`merchantId=${shop.id}`, asUser(analyst));
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(
      response.body!.items.map(({ actor, action, subjectType, subjectId, merchantId, reason, before, after }) => ({
        actor,
        action,
        subjectType,
        subjectId,
        merchantId,
        reason,
        before,
        after,
      })),
      [
        {
          actor: `user:${analyst.email}`,
          action: 'merchant.block',
          subjectType: 'merchant',
          subjectId: shop.id,
          merchantId: shop.id,
          reason: 'spike at noon',
          before: { status: 'active' },
          after: { status: 'blocked' },
        },
      ],
    );
    assert.equal(response.body!.nextCursor, null);
  });

  test('each filter and the time range select exactly their rows, newest first, page after page', async () => {
    const [a, b] = [uuidv7(), uuidv7()];
    const base = Date.parse('2026-01-10T00:00:00Z');
    const rows: { id: string; actor: string; createdAt: Date }[] = [];
    for (let i = 0; i < 12; i++) {
      rows.push(
        await app.db.auditEvent.create({
          data: {
            actor: i % 3 === 0 ? 'user:ana@shop.test' : 'token:admin',
            action: i % 2 === 0 ? 'merchant.block' : 'merchant.unblock',
            subjectType: 'merchant',
            subjectId: i < 6 ? a : b,
            merchantId: i < 6 ? a : b,
            reason: `row ${i}`,
            // Two rows share each instant, so the id breaks the tie across pages.
            createdAt: new Date(base + Math.floor(i / 2) * 60_000),
          },
        }),
      );
    }
    const newestFirst = (picked: typeof rows) =>
      [...picked].sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (y.id < x.id ? -1 : 1)).map((row) => row.id);
    const mine = `since=2026-01-10T00:00:00Z&until=2026-01-11T00:00:00Z`;
    assert.deepEqual(await allPages(mine, 5), newestFirst(rows));
    assert.deepEqual(
      await allPages(`${mine}&actor=user:ana@shop.test`, 2),
      newestFirst(rows.filter((r) => r.actor === 'user:ana@shop.test')),
    );
    assert.deepEqual(
      await allPages(`action=merchant.unblock&merchantId=${a}`, 1),
      newestFirst(rows.filter((r, i) => i < 6 && i % 2 === 1)),
    );
    assert.deepEqual(await allPages(`subjectType=merchant&subjectId=${b}`, 4), newestFirst(rows.slice(6)));
    const window = `since=${new Date(base + 60_000).toISOString()}&until=${new Date(base + 3 * 60_000).toISOString()}`;
    assert.deepEqual(await allPages(window, 3), newestFirst(rows.slice(2, 6)));
    assert.deepEqual((await list(`actor=user:nobody@shop.test`)).body!.items, []);
  });

  test('staff only: an analyst reads it, a merchant key or a merchant user is refused, nobody signed in is 401', async () => {
    const shop = await makeMerchant(app.db);
    const owner = await signedInUser(app.db, 'owner', shop.id);
    assert.equal((await list('', asUser(await signedInUser(app.db, 'analyst')))).status, 200);
    assert.equal((await list('', { token: shop.apiKey })).status, 403);
    assert.equal((await list(`merchantId=${shop.id}`, asUser(owner))).status, 403);
    assert.equal((await list('', { token: null })).status, 401);
  });

  test('bad filters and cursors are refused with 422 and change nothing', async () => {
    const before = await databaseDigest(app.db, ['api_rate_limit']);
    for (const bad of [
      'cursor=garbage',
      `cursor=${Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'not-a-uuid'])).toString('base64url')}`,
      'merchantId=1',
      'since=yesterday',
      'since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z',
      'limit=0',
      'limit=201',
      'limit=ten',
      'action=DROP TABLE',
      'actor=has space',
      'subjectId=123',
      `subjectType=merchant;--`,
    ]) {
      const response = await list(bad);
      assert.equal(response.status, 422, `${bad} → ${response.status} ${response.text}`);
      assert.equal(response.json.error.code, 'validation_failed');
    }
    assert.deepEqual(await databaseDigest(app.db, ['api_rate_limit']), before);
  });
});
