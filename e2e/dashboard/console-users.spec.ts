// The Users and Audit pages in Chromium against the real web and worker processes: an admin invites an analyst through
// the Users page, who then signs in by the form and cannot reach the admin-only Users page; removing the analyst ends
// their session at once; the Audit page names the admin who did each of these.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { signedInContexts, signInByForm } from '../helpers/sign-in';
import { api, startSystem, waitFor, type RunningSystem } from '../helpers/start-system';

let system: RunningSystem;
let browser: Browser;
let admin: BrowserContext;

before(async () => {
  system = await startSystem();
  browser = await launchBrowser();
  ({ context: admin } = await signedInContexts(system, browser)('admin'));
});

after(async () => {
  await admin?.close();
  await browser?.close();
  await system?.stop();
});

describe('the console Users and Audit pages', () => {
  test('an admin invites an analyst who signs in, cannot reach Users, and is signed out when removed', async () => {
    const email = `analyst-${randomBytes(4).toString('hex')}@e2e.test`;
    const password = 'an analyst password 42';
    const page = await admin.newPage();
    await page.goto(`${system.baseUrl}/console/users`);
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    await page.getByRole('table', { name: 'Users' }).getByText(system.admin.email).waitFor();

    await page.getByRole('button', { name: 'Invite person' }).click();
    const dialog = page.getByRole('dialog');
    // Nothing filled in: the form says what is missing and nobody is added.
    await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
    await dialog.getByText('Choose a role.').waitFor();
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('First password').fill(password);
    await dialog.getByLabel('Role').click();
    await page.getByRole('option', { name: 'Analyst' }).click();
    await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: email });
    await row.getByText('Analyst', { exact: true }).waitFor();

    const analyst = await browser.newContext();
    const analystPage = await analyst.newPage();
    await signInByForm(analystPage, system.baseUrl, { email, password });
    assert.equal(new URL(analystPage.url()).pathname, '/console');
    await analystPage.getByRole('link', { name: 'Orders' }).first().waitFor();
    assert.equal(await analystPage.getByRole('link', { name: 'Users', exact: true }).count(), 0, 'an analyst is not offered Users');
    await analystPage.goto(`${system.baseUrl}/console/users`);
    assert.equal(new URL(analystPage.url()).pathname, '/forbidden');
    await analystPage.getByTestId('forbidden').waitFor();
    const listed = await analystPage.evaluate(async () => (await fetch('/api/users')).status);
    assert.equal(listed, 403, 'the API refuses an analyst the users list too');

    await row.getByRole('button', { name: `Remove ${email}` }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('button', { name: 'Remove person' }).click();
    // While the dialog is open the table is hidden from the accessibility tree: wait for it to close first.
    await confirm.waitFor({ state: 'detached' });
    await row.waitFor({ state: 'detached' });
    const users = await api(system.baseUrl, 'GET', '/api/users?limit=200');
    assert.ok(!users.json.items.some((user: { email: string }) => user.email === email), 'the person is gone');
    await analystPage.goto(`${system.baseUrl}/console`);
    assert.equal(new URL(analystPage.url()).pathname, '/login', 'a removed person is signed out at once');
    await analyst.close();

    // The audit trail names the admin for both, newest first.
    await page.goto(`${system.baseUrl}/console/audit`);
    const trail = page.getByRole('table', { name: 'Audit trail' });
    await trail.getByText('Removed user').first().waitFor();
    const rows = trail.getByRole('row').filter({ hasText: /Added user|Removed user/ });
    assert.deepEqual((await rows.getByTestId('audit-action').allTextContents()).slice(0, 2), ['Removed user', 'Added user']);
    for (const actor of (await rows.getByTestId('audit-actor').allTextContents()).slice(0, 2)) {
      assert.equal(actor, `user:${system.admin.email}`);
    }
    // Filters live in the URL: the same view opens from a link.
    await page.goto(`${system.baseUrl}/console/audit?action=user.create`);
    await trail.getByText('Added user').first().waitFor();
    assert.equal(await trail.getByText('Removed user').count(), 0);
    const stored = await api(system.baseUrl, 'GET', '/api/audit?action=user.remove');
    assert.equal(stored.json.items[0].actor, `user:${system.admin.email}`);
    await page.close();
  });

  test('the notifications inbox shows a paid sandbox callback with its verdict and what was received', async () => {
    const merchant = await api(system.baseUrl, 'POST', '/api/merchants', { name: 'Inbox Mart', notifyUrl: 'http://127.0.0.1:9/notify' });
    assert.equal(merchant.status, 201);
    const payment = await api(system.baseUrl, 'POST', '/api/payments', {
      merchantId: merchant.json.id,
      outTradeNo: `inbox-${randomBytes(4).toString('hex')}`,
      amount: 990,
      currency: 'CNY',
      provider: 'sandbox',
    });
    assert.equal(payment.status, 201, JSON.stringify(payment.json));
    assert.equal((await api(system.baseUrl, 'POST', `/api/sandbox/payments/${payment.json.id}/pay`, {})).status, 202);
    let notificationId = '';
    await waitFor(async () => {
      const inbox = await api(system.baseUrl, 'GET', '/api/notifications?provider=sandbox&outcome=applied');
      notificationId = inbox.json.items.find((item: { paymentId: string }) => item.paymentId === payment.json.id)?.id ?? '';
      return notificationId !== '';
    }, 30_000);

    const page = await admin.newPage();
    await page.goto(`${system.baseUrl}/console/notifications?provider=sandbox`);
    const table = page.getByRole('table', { name: 'Notifications' });
    await table.getByRole('link').filter({ hasText: 'Applied' }).first().waitFor();
    await page.goto(`${system.baseUrl}/console/notifications/${notificationId}`);
    await page.getByRole('heading', { name: 'Sandbox payment callback' }).waitFor();
    await page.getByRole('link', { name: payment.json.id }).waitFor();
    assert.ok(((await page.getByTestId('notification-raw-body').textContent()) ?? '').length > 20, 'the raw body is shown');
    await page.close();
  });
});
