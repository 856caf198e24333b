// The staff console's risk pages in Chromium against the real web and worker processes: a merchant blocked through
// the dialog is refused its next payment and unblocked the same way, the page showing each state and its audit trail
// naming the analyst; an alert decided twice shows both decisions with their person and reason, in order.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { outTradeNo } from '@/prisma/seed/factories';
import { launchBrowser } from '../helpers/browser';
import { signedInContexts, type Person } from '../helpers/sign-in';
import { api, startSystem, waitFor, type RunningSystem } from '../helpers/start-system';

let system: RunningSystem;
let browser: Browser;
let context: BrowserContext;
let analyst: Person;

before(async () => {
  system = await startSystem();
  browser = await launchBrowser();
  // An analyst watches, decides alerts and blocks merchants (DESIGN §8).
  ({ context, person: analyst } = await signedInContexts(system, browser)('analyst'));
});

after(async () => {
  await context?.close();
  await browser?.close();
  await system?.stop();
});

async function createMerchant(name: string): Promise<string> {
  const merchant = await api(system.baseUrl, 'POST', '/api/merchants', { name, notifyUrl: 'http://127.0.0.1:9/notify' });
  assert.equal(merchant.status, 201);
  return merchant.json.id;
}

const pay = (merchantId: string) =>
  api(system.baseUrl, 'POST', '/api/payments', { merchantId, outTradeNo: outTradeNo(), amount: 1200, provider: 'sandbox' });

async function confirmReason(page: Page, button: string, reason: string, confirm: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByLabel('Reason').fill(reason);
  await dialog.getByRole('button', { name: confirm }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('the console risk pages', () => {
  test('a merchant blocked through the dialog is refused its next payment, and unblocked the same way', async () => {
    const merchantId = await createMerchant('Blockable Mart');
    assert.equal((await pay(merchantId)).status, 201);
    const page = await context.newPage();
    await page.goto(`${system.baseUrl}/console/merchants/${merchantId}`);
    await page.getByRole('heading', { name: 'Blockable Mart' }).waitFor();
    await page.getByTestId('merchant-status').getByText('Active').waitFor();

    // A reason is required: the dialog refuses to confirm without one and nothing changes.
    await page.getByRole('button', { name: 'Block', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Block merchant' }).click();
    await dialog.getByText('Give a reason of at least 3 characters.').waitFor();
    assert.equal((await api(system.baseUrl, 'GET', `/api/merchants/${merchantId}`)).json.status, 'active');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await confirmReason(page, 'Block', 'Window sum far above its baseline', 'Block merchant');
    await page.getByTestId('merchant-status').getByText('Blocked').waitFor();
    await page.getByRole('button', { name: 'Unblock', exact: true }).waitFor();
    const refused = await pay(merchantId);
    assert.equal(refused.status, 403);
    assert.equal(refused.json.error.code, 'merchant_blocked');

    await confirmReason(page, 'Unblock', 'Checked with the shop: a real sale', 'Unblock merchant');
    await page.getByTestId('merchant-status').getByText('Active').waitFor();
    assert.equal((await pay(merchantId)).status, 201);

    // The merchant page's audit trail names the analyst for both, newest first, with each reason.
    const trail = page.getByRole('table', { name: 'Merchant audit trail' });
    await trail.getByText('Unblocked merchant').waitFor();
    const rows = trail.getByRole('row').filter({ hasText: /blocked merchant/i });
    assert.deepEqual(await rows.getByTestId('audit-reason').allTextContents(), [
      'Checked with the shop: a real sale',
      'Window sum far above its baseline',
    ]);
    assert.deepEqual(await rows.getByTestId('audit-actor').allTextContents(), [`user:${analyst.email}`, `user:${analyst.email}`]);

    // The list shows the state too.
    await page.goto(`${system.baseUrl}/console/merchants?status=active`);
    await page.getByRole('link', { name: 'Blockable Mart' }).first().waitFor();
    await page.close();
  });

  test('an alert decided with a reason shows its person and reason', async () => {
    const merchantId = await createMerchant('Velocity Mart');
    const rule = await api(system.baseUrl, 'POST', '/api/risk/rules', {
      name: 'velocity-e2e',
      kind: 'velocity',
      params: { windowMinutes: 5, maxCount: 1 },
      action: 'alert',
    });
    assert.equal(rule.status, 201, JSON.stringify(rule.json));
    for (let i = 0; i < 2; i++) {
      const created = await pay(merchantId);
      assert.equal(created.status, 201);
      assert.equal((await api(system.baseUrl, 'POST', `/api/sandbox/payments/${created.json.id}/pay`, {})).status, 202);
    }
    let alertId = '';
    await waitFor(async () => {
      const alerts = await api(system.baseUrl, 'GET', `/api/risk/alerts?merchantId=${merchantId}&kind=velocity`);
      alertId = alerts.json.items[0]?.id ?? '';
      return alertId !== '';
    }, 30_000);

    const page = await context.newPage();
    await page.goto(`${system.baseUrl}/console/alerts?merchantId=${merchantId}`);
    await page.getByRole('table', { name: 'Alerts' }).getByText('velocity-e2e').click();
    await page.waitForURL(`**/console/alerts/${alertId}`);
    await page.getByRole('heading', { name: 'velocity-e2e' }).waitFor();
    await page.getByText('Not decided yet.').waitFor();

    await confirmReason(page, 'Acknowledge', 'Watching the till for an hour', 'Acknowledge');
    const decision = page.getByTestId('alert-decision').first();
    await decision.getByTestId('decision-reason').getByText('Watching the till for an hour').waitFor();
    // The person is the signed-in analyst, never a name typed in the dialog.
    assert.equal((await decision.getByTestId('decision-actor').textContent())?.trim(), `user:${analyst.email}`);
    await page.getByTestId('alert-status').getByText('Acknowledged').waitFor();
    const stored = await api(system.baseUrl, 'GET', `/api/risk/alerts/${alertId}`);
    assert.equal(stored.json.status, 'acknowledged');
    assert.equal(stored.json.decisionReason, 'Watching the till for an hour');

    // A second decision is added to the history; the first stays, in order.
    await confirmReason(page, 'Dismiss', 'A school trip bought lunch', 'Dismiss');
    await page.getByTestId('alert-status').getByText('Dismissed').waitFor();
    const decisions = page.getByTestId('alert-decision');
    await decisions.nth(1).getByText('A school trip bought lunch').waitFor();
    assert.deepEqual(await decisions.getByTestId('decision-reason').allTextContents(), [
      'Watching the till for an hour',
      'A school trip bought lunch',
    ]);
    assert.deepEqual(await decisions.getByTestId('decision-actor').allTextContents(), [`user:${analyst.email}`, `user:${analyst.email}`]);
    await page.close();
  });
});
