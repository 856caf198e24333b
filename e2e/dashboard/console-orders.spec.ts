// The staff console's order and delivery pages in Chromium against the real web and worker processes: a payment
// paid while Orders is open shows without a reload within a second, or is counted while the view is paused; the
// order detail tells a paid order's story; "redeliver all matching" shows its count before it sends.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { outTradeNo } from '@/prisma/seed/factories';
import { launchBrowser } from '../helpers/browser';
import { signedInContexts } from '../helpers/sign-in';
import { api, startSystem, waitFor, type RunningSystem } from '../helpers/start-system';

let system: RunningSystem;
let browser: Browser;
let context: BrowserContext;
let merchantId: string;

before(async () => {
  system = await startSystem();
  browser = await launchBrowser();
  ({ context } = await signedInContexts(system, browser)('admin'));
  // Its endpoint refuses connections: every delivery ends in the dead-letter set after the test schedule (1,1,1 s).
  const merchant = await api(system.baseUrl, 'POST', '/api/merchants', { name: 'Orders Mart', notifyUrl: 'http://127.0.0.1:9/notify' });
  assert.equal(merchant.status, 201);
  merchantId = merchant.json.id;
});

after(async () => {
  await context?.close();
  await browser?.close();
  await system?.stop();
});

async function placeOrder() {
  const number = outTradeNo();
  const created = await api(system.baseUrl, 'POST', '/api/payments', { merchantId, outTradeNo: number, amount: 1280, provider: 'sandbox' });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  return { id: created.json.id as string, outTradeNo: number };
}

const statusOf = async (id: string) => (await api(system.baseUrl, 'GET', `/api/payments/${id}`)).json.status as string;

/** Pays a sandbox order and resolves the moment the API says it succeeded (polled every 20 ms). */
async function payAndWaitForSuccess(id: string): Promise<number> {
  const paid = await api(system.baseUrl, 'POST', `/api/sandbox/payments/${id}/pay`, {});
  assert.equal(paid.status, 202);
  const deadline = Date.now() + 15_000;
  while ((await statusOf(id)) !== 'succeeded') {
    if (Date.now() > deadline) throw new Error(`payment ${id} not paid`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now();
}

async function openLive(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${system.baseUrl}${path}`);
  await page.locator('[data-testid="connection-status"][data-state="live"]').waitFor({ timeout: 15_000 });
  // A reload would clear this: the rows below must come without one.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  return page;
}

const rowOf = (page: Page, outTradeNo: string, status: string) =>
  page.getByRole('table', { name: 'Orders' }).getByRole('row').filter({ hasText: outTradeNo }).locator(`[data-status="${status}"]`);

describe('the Orders page, live', () => {
  test('a sandbox payment paid while the page is open shows as succeeded within a second, without a reload', async () => {
    const page = await openLive(`/console/orders?merchantId=${merchantId}`);
    const order = await placeOrder();
    await rowOf(page, order.outTradeNo, 'pending').waitFor({ timeout: 5_000 });
    const paidAt = await payAndWaitForSuccess(order.id);
    await rowOf(page, order.outTradeNo, 'succeeded').waitFor({ timeout: 1_000 });
    const lag = Date.now() - paidAt;
    assert.ok(lag <= 1_000, `shown ${lag} ms after the API said succeeded`);
    assert.equal(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument), true);
    await page.close();
  });

  test('paused, the view holds still and counts what arrived; Show brings it in', async () => {
    const page = await openLive('/console/orders');
    await page.getByTestId('live-pause').click();
    const banner = page.getByTestId('new-rows-banner');
    await banner.getByText('Live updates paused').waitFor();
    const order = await placeOrder();
    await payAndWaitForSuccess(order.id);
    await banner.getByText('1 new order since you paused.').waitFor({ timeout: 5_000 });
    assert.equal(await page.getByRole('table', { name: 'Orders' }).getByText(order.outTradeNo).count(), 0);
    await banner.getByRole('button', { name: 'Show 1 new' }).click();
    await rowOf(page, order.outTradeNo, 'succeeded').waitFor({ timeout: 5_000 });
    assert.equal(await page.getByTestId('new-rows-banner').count(), 0);
    await page.close();
  });

  test("a search by the merchant's outTradeNo finds that order alone, and its row leads to its timeline", async () => {
    const order = await placeOrder();
    await payAndWaitForSuccess(order.id);
    const page = await context.newPage();
    await page.goto(`${system.baseUrl}/console/orders`);
    await page.getByLabel('Find by id').fill(order.outTradeNo);
    await page.waitForURL((url) => url.searchParams.get('q') === order.outTradeNo);
    const rows = page.getByRole('table', { name: 'Orders' }).locator('tbody tr');
    await rows.filter({ hasText: order.outTradeNo }).waitFor();
    assert.equal(await rows.count(), 1);
    await rows.first().getByRole('link').first().click();
    await page.waitForURL(`${system.baseUrl}/console/orders/${order.id}`);
    const timeline = page.getByTestId('order-timeline');
    await timeline.getByText('Pending → Succeeded').waitFor({ timeout: 10_000 });
    for (const line of ['Order created', 'Provider notification: Applied', 'Webhook payment.succeeded']) {
      await timeline.getByText(line, { exact: false }).first().waitFor();
    }
    // The provider's own words, as received.
    await timeline.getByText('Raw body and headers').first().click();
    await timeline.getByTestId('notification-evidence').first().getByText('"resource"', { exact: false }).first().waitFor();
    // The delivery's attempts join the story as the worker makes them (its endpoint refuses them).
    await timeline.getByText('Webhook attempt 1').waitFor({ timeout: 10_000 });
    await page.close();
  });
});

describe('the Deliveries page', () => {
  test('"redeliver all matching" shows the count of the visible filter first, then sends exactly those', async () => {
    const orders = [await placeOrder(), await placeOrder()];
    for (const order of orders) await payAndWaitForSuccess(order.id);
    const failed = async () =>
      (await api(system.baseUrl, 'GET', `/api/deliveries/count?merchantId=${merchantId}&status=failed`)).json.count as number;
    // Every paid order of this merchant so far ends in the dead-letter set.
    const paidSoFar = (await api(system.baseUrl, 'GET', `/api/payments?merchantId=${merchantId}&status=succeeded`)).json.items.length;
    await waitFor(async () => (await failed()) === paidSoFar, 30_000);

    const page = await context.newPage();
    await page.goto(`${system.baseUrl}/console/deliveries?status=failed&merchantId=${merchantId}`);
    await page
      .getByRole('table', { name: 'Deliveries' })
      .locator('tbody tr')
      .nth(paidSoFar - 1)
      .waitFor();
    await page.getByTestId('redeliver-all').click();
    const dialog = page.getByTestId('redeliver-all-dialog');
    const count = dialog.getByTestId('redeliver-all-count');
    await count.waitFor();
    assert.match((await count.textContent()) ?? '', new RegExp(`^${paidSoFar} deliveries \\(failed\\) match the filter`));
    await dialog.getByRole('button', { name: `Redeliver ${paidSoFar} deliveries` }).click();
    await page.getByText(`${paidSoFar} deliveries sent again`, { exact: true }).waitFor({ timeout: 5_000 });
    // Sent again: each has a new attempt beyond the four of its first schedule.
    const items = (await api(system.baseUrl, 'GET', `/api/deliveries?merchantId=${merchantId}`)).json.items as { id: string }[];
    await waitFor(async () => {
      const attempts = await Promise.all(
        items.map(async (item) => (await api(system.baseUrl, 'GET', `/api/deliveries/${item.id}`)).json.attemptCount as number),
      );
      return attempts.every((n) => n > 4);
    }, 15_000);
    await page.close();
  });
});
