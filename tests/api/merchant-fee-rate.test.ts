// feeRatePpm on POST /api/merchants and PATCH /api/merchants/{id} (DESIGN §5): the default from the environment,
// staff only, and each attempt keeps the rate it was made with.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as createMerchantRoute } from '@/app/api/merchants/route';
import { PATCH as updateMerchantRoute } from '@/app/api/merchants/[id]/route';
import { makePayment } from '@/prisma/seed/factories';
import { callRoute } from '@/tests/helpers/call-route';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp({ DEFAULT_FEE_RATE_PPM: '5500' });

const create = (body: Record<string, unknown>) =>
  callRoute(createMerchantRoute, { body: { name: 'Fee Store', notifyUrl: 'http://127.0.0.1:9/notify', ...body } });

describe('merchant fee rates', () => {
  test('a merchant created without a rate takes DEFAULT_FEE_RATE_PPM; one with a rate keeps it', async () => {
    const plain = await create({});
    assert.equal(plain.status, 201, plain.text);
    assert.equal(plain.json.feeRatePpm, 5_500);
    const priced = await create({ feeRatePpm: 3_800 });
    assert.equal(priced.json.feeRatePpm, 3_800);
    assert.equal((await app.db.merchant.findUniqueOrThrow({ where: { id: priced.json.id } })).feeRatePpm, 3_800);
  });

  test('staff change the rate; attempts already made keep the rate they were made with', async () => {
    const merchant = (await create({ feeRatePpm: 6_000 })).json;
    const before = await makePayment(app.db, { merchantId: merchant.id });
    const changed = await callRoute(updateMerchantRoute, { method: 'PATCH', params: { id: merchant.id }, body: { feeRatePpm: 2_000 } });
    assert.equal(changed.status, 200, changed.text);
    assert.equal(changed.json.feeRatePpm, 2_000);
    const after = await makePayment(app.db, { merchantId: merchant.id });
    const rateOf = async (attemptId: string) => (await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId } })).feeRatePpm;
    assert.equal(await rateOf(before.attempts[0].id), 6_000);
    assert.equal(await rateOf(after.attempts[0].id), 2_000);
  });

  test('bad rates and a merchant setting its own rate are refused, and nothing changes', async () => {
    const count = await app.db.merchant.count();
    for (const feeRatePpm of [-1, 1_000_001, 0.5, '6000']) {
      const answer = await create({ feeRatePpm });
      assert.equal(answer.status, 422, `${feeRatePpm}: ${answer.text}`);
      assert.equal(answer.json.error.code, 'validation_failed');
    }
    assert.equal(await app.db.merchant.count(), count);
    const merchant = (await create({ feeRatePpm: 6_000 })).json;
    const own = await callRoute(updateMerchantRoute, {
      method: 'PATCH',
      token: merchant.apiKey,
      params: { id: merchant.id },
      body: { feeRatePpm: 0 },
    });
    assert.equal(own.status, 403, own.text);
    assert.equal(own.json.error.code, 'forbidden');
    const bad = await callRoute(updateMerchantRoute, { method: 'PATCH', params: { id: merchant.id }, body: { feeRatePpm: 2_000_000 } });
    assert.equal(bad.status, 422);
    assert.equal((await app.db.merchant.findUniqueOrThrow({ where: { id: merchant.id } })).feeRatePpm, 6_000);
  });
});
