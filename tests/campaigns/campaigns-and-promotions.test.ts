import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GET as getCampaignRoute } from '@/app/api/campaigns/[id]/route';
import { GET as listCampaignsRoute, POST as createCampaignRoute } from '@/app/api/campaigns/route';
import { GET as getPromotionRoute } from '@/app/api/promotions/[id]/route';
import { GET as listPromotionsRoute, POST as createPromotionRoute } from '@/app/api/promotions/route';
import { makeMerchant } from '@/prisma/seed/factories';
import { accrueCampaignRewards } from '@/server/campaigns/accrue-campaign-rewards';
import type { PaymentSucceededEvent } from '@/contracts/events';
import { advancePromotions } from '@/server/promotions/advance-promotions';
import { callRoute } from '@/tests/helpers/call-route';
import { paymentEvent } from '@/tests/helpers/payment-events';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp();
const window = { startsAt: '2026-05-01T00:00:00Z', endsAt: '2026-06-01T00:00:00Z' };
const inWindow = new Date('2026-05-10T12:00:00Z');

async function createCampaign(body: Record<string, unknown>) {
  const created = await callRoute(createCampaignRoute, { body: { name: 'Spring', currency: 'CNY', ...window, ...body } });
  assert.equal(created.status, 201, created.text);
  return created.json;
}

const accrue = async (event: PaymentSucceededEvent) => (await accrueCampaignRewards({ db: app.db, events: [event] }))[0];
const advance = async (event: PaymentSucceededEvent) => (await advancePromotions({ db: app.db, events: [event] }))[0];

describe('campaigns', () => {
  test('a qualifying payment accrues its reward exactly once; others accrue nothing', async () => {
    const shop = await makeMerchant(app.db);
    const other = await makeMerchant(app.db);
    const campaign = await createCampaign({ budget: 10_000, merchantIds: [shop.id], minAmount: 2_000, rewardAmount: 500 });
    const qualifying = paymentEvent({ merchantId: shop.id, amount: 2_000, paidAt: inWindow });
    assert.deepEqual((await accrue(qualifying)).rewarded, [campaign.id]);
    assert.equal((await accrue(qualifying)).outcome, 'duplicate');
    for (const event of [
      paymentEvent({ merchantId: shop.id, amount: 1_999, paidAt: inWindow }),
      paymentEvent({ merchantId: other.id, amount: 5_000, paidAt: inWindow }),
      paymentEvent({ merchantId: shop.id, amount: 5_000, paidAt: new Date('2026-06-01T00:00:00Z') }),
    ])
      assert.deepEqual((await accrue(event)).rewarded, []);
    const read = await callRoute(getCampaignRoute, { params: { id: campaign.id } });
    assert.equal(read.json.spent, 500);
    assert.equal(read.json.rewardCount, 1);
  });

  test('the budget is never overspent, whatever the concurrency, and duplicates in the crowd change nothing', async () => {
    const shop = await makeMerchant(app.db);
    const campaign = await createCampaign({ budget: 3_500, merchantIds: [shop.id], minAmount: 100, rewardAmount: 500 });
    const events = Array.from({ length: 40 }, () => paymentEvent({ merchantId: shop.id, amount: 1_000, paidAt: inWindow }));
    // Batches as the subscriber fetches them, several at once; copies both within a batch and across batches.
    const crowd = [...events, ...events.slice(0, 5), ...events.slice(30, 35)];
    const batches = Array.from({ length: 5 }, (_, i) => crowd.filter((_, j) => j % 5 === i));
    const results = (await Promise.all(batches.map((batch) => accrueCampaignRewards({ db: app.db, events: batch })))).flat();
    assert.equal(results.filter((r) => r.outcome === 'duplicate').length, 10);
    assert.equal(results.flatMap((r) => r.rewarded).length, 7);
    const stored = await app.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    assert.equal(stored.spent, 3_500);
    assert.equal(await app.db.campaignReward.count({ where: { campaignId: campaign.id } }), 7);
  });

  test('bad input is refused with a clear 4xx and nothing is stored', async () => {
    const shop = await makeMerchant(app.db);
    const before = await app.db.campaign.count();
    const good = { name: 'X', budget: 1_000, merchantIds: [shop.id], minAmount: 100, rewardAmount: 10, ...window };
    const cases: [Record<string, unknown> | string, number][] = [
      [{ ...good, budget: 0 }, 422],
      [{ ...good, budget: 1.5 }, 422],
      [{ ...good, rewardAmount: 2_000 }, 422],
      [{ ...good, merchantIds: [] }, 422],
      [{ ...good, merchantIds: ['not-a-uuid'] }, 422],
      [{ ...good, merchantIds: ['00000000-0000-7000-8000-000000000000'] }, 422],
      [{ ...good, startsAt: window.endsAt, endsAt: window.startsAt }, 422],
      [{ ...good, startsAt: 'yesterday' }, 422],
      [{ ...good, surprise: true }, 422],
      [{ name: 'X' }, 422],
      ['{nope', 400],
    ];
    for (const [body, status] of cases) {
      const response = await callRoute(createCampaignRoute, typeof body === 'string' ? { rawBody: body } : { body });
      assert.equal(response.status, status, `${JSON.stringify(body)} → ${response.text}`);
      assert.ok(response.json.error.message.length > 5);
    }
    assert.equal((await callRoute(createCampaignRoute, { token: null, body: good })).status, 401);
    assert.equal(await app.db.campaign.count(), before);
    assert.equal((await callRoute(getCampaignRoute, { params: { id: '00000000-0000-7000-8000-000000000000' } })).status, 404);
    assert.equal((await callRoute(listCampaignsRoute, { url: 'http://localhost/api/campaigns?limit=0' })).status, 422);
  });

  test('campaigns are listed newest first with keyset pagination and a merchant filter', async () => {
    const shop = await makeMerchant(app.db);
    const ids = [];
    for (let i = 0; i < 3; i++)
      ids.push((await createCampaign({ budget: 1_000, merchantIds: [shop.id], minAmount: 1, rewardAmount: 1 })).id);
    const first = await callRoute(listCampaignsRoute, { url: `http://localhost/api/campaigns?merchantId=${shop.id}&limit=2` });
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(
      first.json.items.map((c: { id: string }) => c.id),
      [ids[2], ids[1]],
    );
    const second = await callRoute(listCampaignsRoute, {
      url: `http://localhost/api/campaigns?merchantId=${shop.id}&limit=2&cursor=${first.json.nextCursor}`,
    });
    assert.deepEqual(
      second.json.items.map((c: { id: string }) => c.id),
      [ids[0]],
    );
    assert.equal(second.json.nextCursor, null);
  });
});

describe('promotions', () => {
  async function createPromotion(body: Record<string, unknown>) {
    const created = await callRoute(createPromotionRoute, { body: { name: 'Third coffee free', ...window, ...body } });
    assert.equal(created.status, 201, created.text);
    return created.json;
  }

  test('a payer earns the reward on the Nth qualifying payment, once, even with concurrent and duplicated events', async () => {
    const shop = await makeMerchant(app.db);
    const promotion = await createPromotion({ requiredPayments: 3, minAmount: 1_000, rewardAmount: 800 });
    const small = paymentEvent({ merchantId: shop.id, amount: 999, payer: 'alice', paidAt: inWindow });
    assert.deepEqual((await advance(small)).advanced, []);
    const events = Array.from({ length: 6 }, () => paymentEvent({ merchantId: shop.id, amount: 1_000, payer: 'alice', paidAt: inWindow }));
    const crowd = [...events, events[0], events[1]];
    const results = (
      await Promise.all(
        [crowd.slice(0, 3), crowd.slice(3, 6), crowd.slice(6)].map((batch) => advancePromotions({ db: app.db, events: batch })),
      )
    ).flat();
    assert.equal(results.filter((r) => r.outcome === 'duplicate').length, 2);
    assert.equal(results.flatMap((r) => r.granted).length, 1);
    const read = await callRoute(getPromotionRoute, {
      params: { id: promotion.id },
      url: `http://localhost/api/promotions/${promotion.id}?payer=alice`,
    });
    assert.equal(read.status, 200, read.text);
    assert.equal(read.json.progress.count, 6);
    assert.ok(read.json.progress.grantedAt);
    assert.ok(events.some((event) => event.data.paymentId === read.json.progress.grantedPaymentId));
    assert.equal(read.json.granted, 1);
    const none = await advance(paymentEvent({ merchantId: shop.id, amount: 5_000, payer: null, paidAt: inWindow }));
    assert.deepEqual(none.advanced, []);
  });

  test('bad input is refused with a clear 4xx and nothing is stored', async () => {
    const before = await app.db.promotion.count();
    const good = { name: 'P', requiredPayments: 3, minAmount: 100, rewardAmount: 10, ...window };
    for (const body of [
      { ...good, requiredPayments: 0 },
      { ...good, minAmount: -1 },
      { ...good, endsAt: good.startsAt },
      { ...good, extra: 1 },
      { name: 'P' },
    ]) {
      const response = await callRoute(createPromotionRoute, { body });
      assert.equal(response.status, 422, response.text);
    }
    assert.equal((await callRoute(createPromotionRoute, { rawBody: '', method: 'POST' })).status, 400);
    assert.equal(await app.db.promotion.count(), before);
    assert.equal((await callRoute(listPromotionsRoute, { url: 'http://localhost/api/promotions?cursor=zzz' })).status, 422);
    assert.equal((await callRoute(getPromotionRoute, { params: { id: '00000000-0000-7000-8000-000000000000' } })).status, 404);
  });
});
