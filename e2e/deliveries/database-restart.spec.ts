// PostgreSQL restarted while deliveries are in flight and callbacks keep coming: nothing acknowledged is lost.
// This file runs its own PostgreSQL, since restarting the shared one would disturb every other test file.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { POST as callbackRoute } from '@/app/api/callbacks/[provider]/route';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { startEmbeddedPostgres, type RunningPostgres } from '@/scripts/embedded-postgres';
import { ensureDatabase } from '@/scripts/database-server';
import { prepareDatabase } from '@/scripts/prepare-database';
import { callRoute } from '@/tests/helpers/call-route';
import { startMerchantServer } from '@/tests/helpers/merchant-server';
import { makeWechatpayKeys, wechatPaidCallback } from '@/tests/helpers/provider-keys';
import { adminToken } from '@/tests/helpers/test-database';
import { waitFor } from '../helpers/start-system';
import { startWorkerProcess, type WorkerProcess } from '../helpers/worker-process';

const keys = makeWechatpayKeys();
const dataDir = await mkdtemp(path.join(tmpdir(), 'paygate-restart-'));
let pg: RunningPostgres | undefined;
let worker: WorkerProcess | undefined;

after(async () => {
  await worker?.kill('SIGKILL');
  const { getPrisma } = await import('@/lib/db/prisma');
  const { getBoss } = await import('@/lib/queue/boss');
  await (await getBoss()).stop({ graceful: false, close: true });
  await getPrisma().$disconnect();
  await pg?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** A provider retries until it is answered with success; so does this. */
async function payUntilAcknowledged(db: Awaited<ReturnType<typeof app>>, merchantId: string) {
  const payment = await retry(() => makePayment(db, { merchantId }));
  const signed = wechatPaidCallback(keys, payment);
  await retry(async () => {
    const answer = await callRoute(callbackRoute, {
      token: null,
      method: 'POST',
      rawBody: signed.rawBody,
      headers: signed.headers,
      params: { provider: 'wechatpay' },
    });
    if (answer.status !== 200) throw new Error(answer.text);
  });
  return payment.id;
}

async function retry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt > 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function app() {
  const { getPrisma } = await import('@/lib/db/prisma');
  return getPrisma();
}

test('a PostgreSQL restart during deliveries loses nothing', async () => {
  pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'data') });
  await ensureDatabase(pg.url('postgres'), 'paygate');
  const url = pg.url('paygate');
  await prepareDatabase(url);
  Object.assign(process.env, {
    ...keys.env,
    DATABASE_URL: url,
    ADMIN_API_TOKEN: adminToken,
    NOTIFY_URL_ALLOWLIST: '127.0.0.1',
    DELIVERY_RETRY_SCHEDULE: '1,1,1,1,1',
  });
  const merchant = await startMerchantServer();
  merchant.answer('/shop', () => ({ status: 200, delayMs: 5 }));
  worker = await startWorkerProcess({
    DATABASE_URL: url,
    ADMIN_API_TOKEN: adminToken,
    NOTIFY_URL_ALLOWLIST: '127.0.0.1',
    DELIVERY_RETRY_SCHEDULE: '1,1,1,1,1',
  });
  const db = await app();
  const shop = await makeMerchant(db, { notifyUrl: merchant.url('/shop') });

  const paid: string[] = [];
  for (let i = 0; i < 40; i++) paid.push(await payUntilAcknowledged(db, shop.id));
  await pg.stop();
  pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'data'), port: pg.port });
  for (let i = 0; i < 40; i++) paid.push(await payUntilAcknowledged(db, shop.id));

  const deliveries = await retry(() => db.delivery.findMany({ where: { merchantId: shop.id }, select: { id: true, paymentId: true } }));
  assert.deepEqual(new Set(deliveries.map((d) => d.paymentId)), new Set(paid), 'every acknowledged payment has its delivery');
  await waitFor(
    async () => (await retry(() => db.delivery.count({ where: { merchantId: shop.id, status: 'delivered' } }))) === paid.length,
    90_000,
  );
  const received = new Set(merchant.receivedAt('/shop').map((request) => request.headers['webhook-id']));
  assert.deepEqual(received, new Set(deliveries.map((d) => d.id)), 'every delivery reached the merchant');
});
