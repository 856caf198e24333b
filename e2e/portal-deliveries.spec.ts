// The merchant portal's Deliveries in Chromium against the real web and worker processes: a webhook that ran out of
// retries while the merchant's server was down is redelivered from the portal and arrives signed (verified with the
// standardwebhooks package, same webhook-id); the delivery page shows each attempt's request and response;
// everything failed since a time is recovered; a test webhook reports its answer; a viewer is offered none of it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { outTradeNo } from '@/prisma/seed/factories';
import { startMerchantServer, type ReceivedWebhook } from '@/tests/helpers/merchant-server';
import { launchBrowser } from './helpers/browser';
import { signedInContexts } from './helpers/sign-in';
import { api, startSystem, waitFor, type RunningSystem } from './helpers/start-system';

let system: RunningSystem;
let browser: Browser;
let contextFor: ReturnType<typeof signedInContexts>;
let merchant: { id: string; webhookSecret: string };
const contexts: BrowserContext[] = [];
const receiver = await startMerchantServer();
let up = false;
receiver.answer('/hook', () => (up ? { status: 200 } : { status: 503 }));

before(async () => {
  system = await startSystem();
  browser = await launchBrowser();
  contextFor = signedInContexts(system, browser);
  const created = await api(system.baseUrl, 'POST', '/api/merchants', { name: 'Webhook Mart', notifyUrl: receiver.url('/hook') });
  assert.equal(created.status, 201);
  merchant = created.json;
});

after(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await system?.stop();
});

async function pageAs(role: 'developer' | 'viewer'): Promise<Page> {
  const { context } = await contextFor(role, { merchantId: merchant.id });
  contexts.push(context);
  return context.newPage();
}

/** A sandbox order paid while the merchant's server is down: its webhook ends in the dead-letter set (schedule 1,1,1 s). */
async function deadLetter(): Promise<{ paymentId: string; deliveryId: string }> {
  const created = await api(system.baseUrl, 'POST', '/api/payments', {
    merchantId: merchant.id,
    outTradeNo: outTradeNo(),
    amount: 990,
    provider: 'sandbox',
  });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  assert.equal((await api(system.baseUrl, 'POST', `/api/sandbox/payments/${created.json.id}/pay`, {})).status, 202);
  let deliveryId = '';
  await waitFor(async () => {
    const list = await api(system.baseUrl, 'GET', `/api/deliveries?paymentId=${created.json.id}&status=failed`);
    deliveryId = list.json.items[0]?.id ?? '';
    return deliveryId !== '';
  }, 30_000);
  return { paymentId: created.json.id, deliveryId };
}

function verified(request: ReceivedWebhook) {
  return new Webhook(merchant.webhookSecret).verify(request.body, {
    'webhook-id': request.headers['webhook-id'],
    'webhook-timestamp': request.headers['webhook-timestamp'],
    'webhook-signature': request.headers['webhook-signature'],
  }) as { type: string; data: { paymentId: string } };
}

describe('the portal Deliveries page', () => {
  test('a dead letter redelivered from the portal arrives at the merchant server, signed and with the same webhook-id', async () => {
    up = false;
    const { paymentId, deliveryId } = await deadLetter();
    const page = await pageAs('developer');
    await page.goto(`${system.baseUrl}/portal/deliveries?status=failed`);
    const row = page.getByRole('table', { name: 'Deliveries' }).getByRole('row').filter({ hasText: deliveryId });
    await row.waitFor();
    up = true;
    const before = receiver.receivedAt('/hook').length;
    await row.getByRole('button', { name: 'Redeliver' }).click();
    await page.getByText('Sent again', { exact: true }).waitFor();
    await receiver.until(() =>
      receiver
        .receivedAt('/hook')
        .slice(before)
        .some((r) => r.headers['webhook-id'] === deliveryId),
    );
    const arrived = receiver
      .receivedAt('/hook')
      .slice(before)
      .find((r) => r.headers['webhook-id'] === deliveryId)!;
    const event = verified(arrived);
    assert.equal(event.type, 'payment.succeeded');
    assert.equal(event.data.paymentId, paymentId);

    // Its page: every attempt with the request sent and what the server answered, the last one the redelivery.
    let attemptCount = 0;
    await waitFor(async () => {
      const delivery = (await api(system.baseUrl, 'GET', `/api/deliveries/${deliveryId}`)).json;
      attemptCount = delivery.attemptCount;
      return delivery.status === 'delivered';
    }, 15_000);
    await page.goto(`${system.baseUrl}/portal/deliveries/${deliveryId}`);
    const first = page.getByRole('region', { name: 'Attempt 1', exact: true });
    await first.getByText('HTTP 503').waitFor();
    await first.getByText(`webhook-id: ${deliveryId}`, { exact: false }).waitFor();
    await first.getByText(`POST ${receiver.url('/hook')}`, { exact: false }).waitFor();
    assert.ok(attemptCount >= 2, `${attemptCount} attempts`);
    await page
      .getByRole('region', { name: `Attempt ${attemptCount}`, exact: true })
      .getByText('HTTP 200')
      .waitFor();
    // Links stay in the portal.
    assert.equal(await page.locator('a[href^="/console"]').count(), 0);
  });

  test('everything failed since a time is recovered in one go, after the count is shown', async () => {
    up = false;
    const since = new Date(Date.now() - 1_000);
    const lost = [await deadLetter(), await deadLetter()];
    const page = await pageAs('developer');
    await page.goto(`${system.baseUrl}/portal/deliveries`);
    await page.getByTestId('recover-since').click();
    const dialog = page.getByTestId('recover-since-dialog');
    const zoned = await page.evaluate(
      (iso) =>
        new Intl.DateTimeFormat('sv-SE', {
          timeZone: 'Asia/Shanghai',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
        })
          .format(new Date(iso))
          .replace(' ', 'T'),
      new Date(since.getTime() - 60_000).toISOString(),
    );
    await dialog.getByLabel(/Failed since/).fill(zoned);
    await dialog.getByTestId('recover-since-count').getByText('2 webhooks failed since then.').waitFor();
    up = true;
    const before = receiver.receivedAt('/hook').length;
    await dialog.getByRole('button', { name: 'Send 2 webhooks again' }).click();
    await page.getByText('2 webhooks sent again', { exact: true }).waitFor();
    const ids = lost.map((item) => item.deliveryId);
    await receiver.until(() =>
      ids.every((id) =>
        receiver
          .receivedAt('/hook')
          .slice(before)
          .some((r) => r.headers['webhook-id'] === id),
      ),
    );
    for (const request of receiver.receivedAt('/hook').slice(before)) verified(request);
  });

  test('a test webhook reports what the server answered', async () => {
    up = true;
    const page = await pageAs('developer');
    await page.goto(`${system.baseUrl}/portal/deliveries`);
    await page.getByTestId('send-test-webhook').click();
    const result = page.getByTestId('test-webhook-result');
    await result.waitFor();
    assert.equal(await result.getAttribute('data-ok'), 'true');
    assert.match((await result.textContent()) ?? '', /HTTP 200/);
    const test = receiver.receivedAt('/hook').at(-1)!;
    assert.equal(verified(test).type, 'webhook.test');
  });

  test('a viewer sees the deliveries but is offered no redelivery, recovery or test', async () => {
    const page = await pageAs('viewer');
    await page.goto(`${system.baseUrl}/portal/deliveries`);
    await page.getByRole('table', { name: 'Deliveries' }).locator('tbody tr').first().waitFor();
    for (const name of ['Redeliver', 'Redeliver all matching'])
      assert.equal(await page.getByRole('button', { name, exact: true }).count(), 0, name);
    assert.equal(await page.getByTestId('recover-since').count(), 0);
    assert.equal(await page.getByTestId('send-test-webhook').count(), 0);
  });
});
