import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as createMerchantRoute } from '@/app/api/merchants/route';
import { GET as getMerchantRoute } from '@/app/api/merchants/[id]/route';
import { POST as blockRoute } from '@/app/api/merchants/[id]/block/route';
import { POST as unblockRoute } from '@/app/api/merchants/[id]/unblock/route';
import { callRoute } from '@/tests/helpers/call-route';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp();

async function createMerchant(name = 'Corner Store') {
  const created = await callRoute(createMerchantRoute, { body: { name, notifyUrl: 'http://127.0.0.1:9/notify' } });
  assert.equal(created.status, 201, created.text);
  return created.json;
}

describe('merchants API', () => {
  test('creates a merchant and shows its secret and API key once', async () => {
    const merchant = await createMerchant();
    assert.match(merchant.webhookSecret, /^whsec_/);
    assert.match(merchant.apiKey, /^mk_/);
    assert.equal(merchant.status, 'active');
    const stored = await app.db.merchant.findUniqueOrThrow({ where: { id: merchant.id } });
    assert.notEqual(stored.apiKeyHash, merchant.apiKey, 'the API key is stored hashed');
    const fetched = await callRoute(getMerchantRoute, { params: { id: merchant.id } });
    assert.equal(fetched.status, 200);
    assert.equal(fetched.json.webhookSecret, undefined);
    assert.equal(fetched.json.apiKey, undefined);
  });

  test('refuses bad input with a clear error and stores nothing', async () => {
    const before = await app.db.merchant.count();
    const cases = [
      { body: { name: '', notifyUrl: 'http://127.0.0.1:9/n' }, status: 422, code: 'validation_failed' },
      { body: { name: 'X', notifyUrl: 'ftp://a.example/n' }, status: 422, code: 'validation_failed' },
      { body: { name: 'X' }, status: 422, code: 'validation_failed' },
      { rawBody: '{not json', status: 400, code: 'bad_request' },
      { rawBody: '', method: 'POST', status: 400, code: 'bad_request' },
    ];
    for (const { status, code, ...call } of cases) {
      const response = await callRoute(createMerchantRoute, call);
      assert.equal(response.status, status, response.text);
      assert.equal(response.json.error.code, code);
      assert.ok(response.json.error.message.length > 5);
    }
    assert.equal(await app.db.merchant.count(), before);
  });

  test('needs the admin token to create merchants', async () => {
    const merchant = await createMerchant('Keyholder');
    const noToken = await callRoute(createMerchantRoute, { token: null, body: { name: 'A', notifyUrl: 'http://127.0.0.1:9/n' } });
    assert.equal(noToken.status, 401);
    assert.equal(noToken.json.error.code, 'unauthorized');
    const wrong = await callRoute(createMerchantRoute, { token: 'nope', body: { name: 'A', notifyUrl: 'http://127.0.0.1:9/n' } });
    assert.equal(wrong.status, 401);
    const merchantKey = await callRoute(createMerchantRoute, {
      token: merchant.apiKey,
      body: { name: 'A', notifyUrl: 'http://127.0.0.1:9/n' },
    });
    assert.equal(merchantKey.status, 403);
    assert.equal(merchantKey.json.error.code, 'forbidden');
  });

  test('a merchant key sees its own merchant and not another', async () => {
    const a = await createMerchant('A');
    const b = await createMerchant('B');
    assert.equal((await callRoute(getMerchantRoute, { token: a.apiKey, params: { id: a.id } })).status, 200);
    const other = await callRoute(getMerchantRoute, { token: a.apiKey, params: { id: b.id } });
    assert.equal(other.status, 404);
    assert.equal(other.json.error.code, 'not_found');
    assert.equal((await callRoute(getMerchantRoute, { params: { id: 'not-a-uuid' } })).status, 404);
  });

  test('block and unblock need a reason and leave an append-only audit trail', async () => {
    const merchant = await createMerchant('Audited');
    const noReason = await callRoute(blockRoute, { params: { id: merchant.id }, body: {} });
    assert.equal(noReason.status, 422);
    const blocked = await callRoute(blockRoute, { params: { id: merchant.id }, body: { reason: 'volume spike' } });
    assert.equal(blocked.status, 200, blocked.text);
    assert.equal(blocked.json.status, 'blocked');
    const again = await callRoute(blockRoute, { params: { id: merchant.id }, body: { reason: 'volume spike' } });
    assert.equal(again.status, 409);
    const unblocked = await callRoute(unblockRoute, { params: { id: merchant.id }, body: { reason: 'reviewed, genuine sales' } });
    assert.equal(unblocked.json.status, 'active');
    const audit = await app.db.merchantBlockEvent.findMany({ where: { merchantId: merchant.id }, orderBy: { createdAt: 'asc' } });
    assert.deepEqual(
      audit.map((row) => [row.action, row.reason]),
      [
        ['blocked', 'volume spike'],
        ['unblocked', 'reviewed, genuine sales'],
      ],
    );
    await assert.rejects(app.db.merchantBlockEvent.deleteMany({ where: { merchantId: merchant.id } }), /append-only/);
    const forMerchantKey = await callRoute(blockRoute, {
      token: merchant.apiKey,
      params: { id: merchant.id },
      body: { reason: 'self block' },
    });
    assert.equal(forMerchantKey.status, 403);
    const missing = await callRoute(blockRoute, { params: { id: '00000000-0000-7000-8000-000000000000' }, body: { reason: 'whatever' } });
    assert.equal(missing.status, 404);
  });
});
