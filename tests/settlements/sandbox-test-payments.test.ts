// Sandbox payments are test payments (DESIGN §3): paid, delivered and visible like any other, but never settled,
// never rewarded by a campaign and never counted toward a promotion.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { POST as createCampaignRoute } from '@/app/api/campaigns/route';
import { POST as createPromotionRoute } from '@/app/api/promotions/route';
import { makePayment } from '@/prisma/seed/factories';
import { accrueCampaignRewards } from '@/server/campaigns/accrue-campaign-rewards';
import { advancePromotions } from '@/server/promotions/advance-promotions';
import { businessDate } from '@/lib/format/business-date';
import { computeSettlements } from '@/server/settlements/compute-settlements';
import { callRoute } from '@/tests/helpers/call-route';
import { feeMerchant, payNow } from '@/tests/helpers/ledger-facts';
import { paymentEvent } from '@/tests/helpers/payment-events';
import { paySandboxAndNotify } from '@/tests/helpers/sandbox-provider';
import { useApp } from '@/tests/helpers/use-app';
import { useSubscriberWorkers } from '@/tests/helpers/use-subscriber-workers';

const app = useApp();
const workers = useSubscriberWorkers(app);
const window = () => ({
  startsAt: new Date(Date.now() - 3_600_000).toISOString(),
  endsAt: new Date(Date.now() + 86_400_000).toISOString(),
});

describe('sandbox payments are test payments', () => {
  test('a paid sandbox payment is booked as sandbox money and left out of its merchant’s settlement', async () => {
    const shop = await feeMerchant(app.db);
    await payNow(app.db, shop.id, 2_000);
    const sandbox = await makePayment(app.db, { merchantId: shop.id, provider: 'sandbox', amount: 9_999 });
    await paySandboxAndNotify(app.db, sandbox.id);
    assert.equal((await app.db.payment.findUniqueOrThrow({ where: { id: sandbox.id } })).status, 'succeeded');
    const booked = await app.db.ledgerEntry.findMany({ where: { paymentId: sandbox.id } });
    assert.deepEqual(booked.map((entry) => [entry.kind, entry.sandbox]).sort(), [
      ['fee', true],
      ['payment', true],
    ]);
    const today = businessDate(new Date(), 'Asia/Shanghai');
    const [row] = await computeSettlements({ db: app.db, from: today, to: today, timeZone: 'Asia/Shanghai', merchantId: shop.id });
    assert.deepEqual([Number(row.grossAmount), row.paymentCount], [2_000, 1]);
  });

  test('through the real topic and subscribers: a sandbox payment earns no campaign reward and no promotion progress', async () => {
    const shop = await feeMerchant(app.db);
    const campaign = await callRoute(createCampaignRoute, {
      body: { name: 'Test money', currency: 'CNY', budget: 100_000, merchantIds: [shop.id], minAmount: 100, rewardAmount: 50, ...window() },
    });
    assert.equal(campaign.status, 201, campaign.text);
    const promotion = await callRoute(createPromotionRoute, {
      body: { name: 'Every payment', requiredPayments: 1, minAmount: 100, rewardAmount: 10, ...window() },
    });
    assert.equal(promotion.status, 201, promotion.text);
    const sandbox = await makePayment(app.db, { merchantId: shop.id, provider: 'sandbox', amount: 5_000 });
    const done = Promise.all([workers.waitFor('campaign', sandbox.id), workers.waitFor('promotion', sandbox.id)]);
    await paySandboxAndNotify(app.db, sandbox.id, { payer: 'sandbox-shopper' });
    await done;
    assert.equal(await app.db.campaignReward.count({ where: { campaignId: campaign.json.id } }), 0);
    assert.equal(await app.db.promotionProgress.count({ where: { promotionId: promotion.json.id } }), 0);

    // The same payment from a real provider does earn both: the exclusion is the sandbox's alone.
    const real = paymentEvent({ merchantId: shop.id, amount: 5_000, payer: 'sandbox-shopper', paidAt: new Date() });
    assert.deepEqual((await accrueCampaignRewards({ db: app.db, events: [real] }))[0].rewarded, [campaign.json.id]);
    assert.deepEqual((await advancePromotions({ db: app.db, events: [real] }))[0].granted, [promotion.json.id]);
    const asSandbox = paymentEvent({ merchantId: shop.id, amount: 5_000, payer: 'someone-else', paidAt: new Date(), provider: 'sandbox' });
    assert.deepEqual((await accrueCampaignRewards({ db: app.db, events: [asSandbox] }))[0].rewarded, []);
    assert.deepEqual((await advancePromotions({ db: app.db, events: [asSandbox] }))[0].advanced, []);
  });
});
