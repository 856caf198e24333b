// Two workers running the same sweep at the same moment, each with its own connections: every due attempt is
// taken by exactly one of them, each provider call is made once, and each payment is applied once.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { createPrisma } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { createBoss } from '@/lib/queue/boss';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { closeExpired } from '@/server/lifecycle/close-expired';
import { confirmPending } from '@/server/lifecycle/confirm-pending';
import { lifecycleSettingsFrom } from '@/server/lifecycle/lifecycle-settings';
import type { SweepResult } from '@/server/lifecycle/sweep-attempts';
import { paySandbox } from '@/tests/helpers/sandbox-provider';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp({ PAYMENT_QUERY_SCHEDULE: '1', LIFECYCLE_LEASE_SECONDS: '30' });

/** Two independent workers: their own pools and queue handles, as two processes would have. */
async function twoWorkers() {
  const env = getEnv();
  const workers = await Promise.all(
    [1, 2].map(async () => {
      const boss = createBoss(env.DATABASE_URL, 'web');
      await boss.start();
      return { db: createPrisma(env.DATABASE_URL, 8), boss };
    }),
  );
  app.onStop(async () => {
    for (const worker of workers) {
      await worker.boss.stop({ graceful: false, close: true });
      await worker.db.$disconnect();
    }
  });
  return workers;
}

async function payments(count: number, options: { expiresInSeconds?: number }) {
  const merchant = await makeMerchant(app.db);
  const made = [];
  for (let i = 0; i < count; i++) made.push(await makePayment(app.db, { merchantId: merchant.id, provider: 'sandbox', ...options }));
  return made;
}

async function untilDue(made: { attempts: { nextQueryAt: string | null }[] }[]) {
  const latest = Math.max(...made.map((payment) => Date.parse(payment.attempts[0].nextQueryAt!)));
  await sleep(Math.max(0, latest - Date.now() + 50));
}

/** A worker sweeping in small passes until nothing is left, as a busy worker would. */
async function sweepUntilDone(sweep: () => Promise<SweepResult>) {
  const items: SweepResult['items'] = [];
  for (let result = await sweep(); result.examined > 0; result = await sweep()) items.push(...result.items);
  return { examined: items.length, outcomes: {}, items };
}

function assertDisjoint(results: SweepResult[], ids: string[]) {
  const taken = results.flatMap((result) => result.items.map((item) => item.id)).filter((id) => ids.includes(id));
  assert.equal(taken.length, ids.length, 'every attempt was taken');
  assert.equal(new Set(taken).size, ids.length, 'no attempt was taken twice');
}

describe('two workers on the same sweep', () => {
  test('confirm pending: each paid attempt is queried once and settled once', async () => {
    const workers = await twoWorkers();
    const made = await payments(40, {});
    for (const payment of made) await paySandbox(payment.id, { fault: 'lost' });
    await untilDue(made);
    const settings = lifecycleSettingsFrom(getEnv());
    const results = await Promise.all(
      workers.map(({ db, boss }) => sweepUntilDone(() => confirmPending({ db, boss, settings, limit: 4 }))),
    );
    const attemptIds = made.map((payment) => payment.attempts[0].id);
    assertDisjoint(results, attemptIds);
    assert.ok(
      results.every((result) => result.examined > 0),
      `both workers took a share: ${results.map((r) => r.examined)}`,
    );
    for (const payment of made) {
      const stored = await app.db.payment.findUniqueOrThrow({ where: { id: payment.id } });
      assert.equal(stored.status, 'succeeded');
      assert.equal(await app.db.delivery.count({ where: { paymentId: payment.id } }), 1);
      const queries = await app.db.providerExchange.count({ where: { attemptId: payment.attempts[0].id, operation: 'query_order' } });
      assert.equal(queries, 1);
    }
  });

  test('close expired: each attempt is closed at the provider once', async () => {
    const workers = await twoWorkers();
    const made = await payments(40, { expiresInSeconds: 1 });
    await untilDue(made);
    const settings = lifecycleSettingsFrom(getEnv());
    const results = await Promise.all(workers.map(({ db, boss }) => sweepUntilDone(() => closeExpired({ db, boss, settings, limit: 4 }))));
    assert.ok(
      results.every((result) => result.examined > 0),
      `both workers took a share: ${results.map((r) => r.examined)}`,
    );
    const attemptIds = made.map((payment) => payment.attempts[0].id);
    assertDisjoint(results, attemptIds);
    for (const payment of made) {
      const attempt = await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: payment.attempts[0].id }, include: { payment: true } });
      assert.deepEqual([attempt.status, attempt.payment.status], ['closed', 'closed']);
      const closes = await app.db.providerExchange.count({ where: { attemptId: attempt.id, operation: 'close_order' } });
      assert.equal(closes, 1);
    }
  });
});
