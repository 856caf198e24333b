import { adminTokenPrincipal } from '@/lib/auth/principal';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeMerchant } from '@/prisma/seed/factories';
import { deadLetterOf, queues } from '@/lib/queue/queues';
import { createCampaign } from '@/server/campaigns/create-campaign';
import { createPromotion } from '@/server/promotions/create-promotion';
import { updateRiskRule } from '@/server/risk/update-risk-rule';
import { payThroughCallback } from '@/tests/helpers/paid-payment';
import { paymentEvent } from '@/tests/helpers/payment-events';
import { processRiskEvent } from '@/tests/helpers/process-risk-event';
import { makeWechatpayKeys } from '@/tests/helpers/provider-keys';
import { jobsIn } from '@/tests/helpers/queue-jobs';
import { useApp } from '@/tests/helpers/use-app';
import { useSubscriberWorkers } from '@/tests/helpers/use-subscriber-workers';

const keys = makeWechatpayKeys();
const app = useApp({ ...keys.env, RISK_AUTOBLOCK_ENABLED: 'false' });
const workers = useSubscriberWorkers(app);
const subscribers = [queues.risk, queues.campaign, queues.promotion];

describe('payment.succeeded subscribers on the real queue', () => {
  test('every subscriber handles a paid callback’s event once; a redelivered copy changes nothing', async () => {
    const merchant = await makeMerchant(app.db);
    await createCampaign({
      db: app.db,
      input: {
        name: 'C',
        budget: 10_000,
        currency: 'CNY',
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        merchantIds: [merchant.id],
        minAmount: 1,
        rewardAmount: 100,
      },
    });
    await createPromotion({
      db: app.db,
      input: {
        name: 'P',
        requiredPayments: 3,
        minAmount: 1,
        rewardAmount: 500,
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
    });
    const { payment } = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: merchant.id });
    for (const queue of subscribers) {
      const job = await workers.waitFor(queue, payment.id);
      assert.equal((job.output as { outcome: string }).outcome, 'processed', queue);
    }
    const [published] = (await jobsIn(app.db, queues.risk)).filter((job) => job.data.data.paymentId === payment.id);
    // At-least-once delivery: the same event again on every queue, twice at once.
    for (const queue of subscribers) {
      const ids = await Promise.all([app.boss.send(queue, published.data), app.boss.send(queue, published.data)]);
      for (const id of ids) {
        const copy = await workers.boss.getSpy(queue).waitForJobWithId(id!, 'completed');
        assert.equal((copy.output as { outcome: string }).outcome, 'duplicate', queue);
      }
    }
    assert.equal((await app.db.merchantRiskProfile.findUniqueOrThrow({ where: { merchantId: merchant.id } })).paymentCount, 1);
    assert.equal(await app.db.campaignReward.count({ where: { paymentId: payment.id } }), 1);
    assert.deepEqual(
      (await app.db.promotionProgress.findMany()).map((row) => row.count),
      [1],
    );
  });

  test('a 10× spike through real callbacks: the alert is there when the risk job of the crossing payment completes', async () => {
    const rules = new Map((await app.db.riskRule.findMany()).map((rule) => [rule.name, rule]));
    await updateRiskRule({
      db: app.db,
      principal: adminTokenPrincipal,
      ruleId: rules.get('window-amount-15m')!.id,
      changes: { params: { windowMinutes: 15, floor: 10_000, multiplier: 3, defaultBaseline: 1_000_000, minHistoryMinutes: 60 } },
    });
    const merchant = await makeMerchant(app.db);
    // Three hours of ¥12.80 a minute, in the past, fed straight to the engine.
    const now = Date.now();
    for (let i = 180; i > 15; i--) {
      await processRiskEvent({
        db: app.db,
        boss: app.boss,
        event: paymentEvent({ merchantId: merchant.id, amount: 1_280, paidAt: new Date(now - i * 60_000) }),
        policy: { enabled: false, minSignals: 2, signalWindowMinutes: 60, maxPerHour: 3, unblockGraceMinutes: 0 },
      });
    }
    let crossing: string | undefined;
    for (let i = 0; i < 10 && !crossing; i++) {
      const { payment } = await payThroughCallback(app.db, keys, { notifyUrl: '', merchantId: merchant.id, amount: 12_800 });
      await workers.waitFor(queues.risk, payment.id);
      const alert = await app.db.riskAlert.findFirst({ where: { merchantId: merchant.id } });
      if (alert) {
        crossing = payment.id;
        assert.equal(alert.paymentId, payment.id);
        assert.equal(alert.kind, 'window_amount');
      }
    }
    assert.ok(crossing, 'the spike crossed the threshold');
  });

  test('one bad event in a fetched batch fails alone; a payload that is no event goes to the dead-letter queue', async () => {
    const merchant = await makeMerchant(app.db);
    const at = Date.now();
    const good = Array.from({ length: 5 }, (_, i) => paymentEvent({ merchantId: merchant.id, amount: 1_000, paidAt: new Date(at + i) }));
    // A merchant the database does not know: the aggregates' foreign key refuses it, and with it the batch's transaction.
    const unknownMerchant = paymentEvent({ merchantId: '00000000-0000-7000-8000-000000000000', amount: 1_000, paidAt: new Date(at) });
    const notAnEvent = { eventId: 'x', type: 'payment.refunded' };
    // One insert, so one fetch can take them all as one batch. The malformed job keeps its retries: it must skip them.
    await app.boss.insert(queues.risk, [...[...good, unknownMerchant].map((data) => ({ data, retryLimit: 0 })), { data: notAnEvent }]);
    const spy = workers.boss.getSpy<{ eventId?: string; data?: { paymentId: string } }>(queues.risk);
    for (const event of good) {
      const job = await workers.waitFor(queues.risk, event.data.paymentId);
      assert.equal((job.output as { outcome: string }).outcome, 'processed');
    }
    const refused = await spy.waitForJob((data) => data.data?.paymentId === unknownMerchant.data.paymentId, 'failed');
    assert.match(JSON.stringify(refused.output), /foreign key|violates/i);
    const malformed = await spy.waitForJob((data) => data.eventId === 'x', 'failed');
    assert.match(JSON.stringify(malformed.output), /not a payment\.succeeded event/);
    assert.equal((await app.db.merchantRiskProfile.findUniqueOrThrow({ where: { merchantId: merchant.id } })).paymentCount, 5);
    const dead = await jobsIn(app.db, deadLetterOf(queues.risk));
    assert.deepEqual(dead.map((job) => job.data.eventId).sort(), [unknownMerchant.eventId, 'x'].sort());
  });

  test('risk has a job table of its own and is woken by NOTIFY; campaign and promotion are polled', async () => {
    const [risk, campaign, promotion] = await Promise.all(subscribers.map((queue) => app.boss.getQueue(queue)));
    assert.equal(risk?.partition, true);
    assert.equal(risk?.notify, true);
    assert.deepEqual([campaign?.notify, promotion?.notify], [false, false]);
    // Each subscriber queue keeps its jobs in a table of its own, apart from the shared one.
    const tables = await app.db.$queryRaw<
      { name: string; table_name: string }[]
    >`SELECT name, table_name FROM pgboss.queue WHERE name = ANY(${subscribers})`;
    assert.equal(new Set(tables.map((row) => row.table_name)).size, 3);
  });
});
