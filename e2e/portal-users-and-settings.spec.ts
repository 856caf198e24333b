// The merchant portal's people and developer settings in Chromium against the real web and worker processes: an
// owner adds a developer who then signs in; a viewer reads the developer settings but cannot change the notify URL
// (the page offers no control and the API refuses it); a notify URL that fails its signed test webhook is not saved;
// a blocked merchant's people see what the block means, live.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { startMerchantServer } from '@/tests/helpers/merchant-server';
import { launchBrowser } from './helpers/browser';
import { createPerson, signInByForm, signedInContexts } from './helpers/sign-in';
import { api, startSystem, type RunningSystem } from './helpers/start-system';

let system: RunningSystem;
let browser: Browser;
let contextFor: ReturnType<typeof signedInContexts>;
let merchantId: string;
let firstApiKey: string;
const contexts: BrowserContext[] = [];
const receiver = await startMerchantServer();

before(async () => {
  system = await startSystem();
  browser = await launchBrowser();
  contextFor = signedInContexts(system, browser);
  const merchant = await api(system.baseUrl, 'POST', '/api/merchants', { name: 'Portal Mart', notifyUrl: receiver.url('/first') });
  assert.equal(merchant.status, 201);
  merchantId = merchant.json.id;
  firstApiKey = merchant.json.apiKey;
});

after(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await system?.stop();
});

async function pageAs(role: 'owner' | 'developer' | 'viewer') {
  const { context, person } = await contextFor(role, { merchantId });
  contexts.push(context);
  return { page: await context.newPage(), person };
}

const savedNotifyUrl = async () => (await api(system.baseUrl, 'GET', `/api/merchants/${merchantId}`)).json.notifyUrl as string;

describe('merchant users', () => {
  test('an owner adds a developer, who signs in with the initial password; a role change and a removal end their session at once', async () => {
    const { page } = await pageAs('owner');
    await page.goto(`${system.baseUrl}/portal/users`);
    await page.getByRole('table', { name: 'Users' }).waitFor();
    const email = `dev-${randomBytes(3).toString('hex')}@shop.test`;
    const password = 'initial password for the dev';
    await page.getByTestId('invite-user').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Initial password').fill(password);
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await page.getByText(`${email} added as developer`, { exact: true }).waitFor();
    await page.getByRole('table', { name: 'Users' }).getByText(email).waitFor();

    const context = await browser.newContext();
    contexts.push(context);
    const developer = await context.newPage();
    await signInByForm(developer, system.baseUrl, { email, password });
    assert.equal(new URL(developer.url()).pathname, '/portal');
    const nav = developer.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Developer' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Users' }).count(), 0);
    await developer.goto(`${system.baseUrl}/portal/users`);
    await developer.waitForURL((url) => url.pathname === '/forbidden');
    // The API agrees: a developer lists no users.
    const listed = await developer.evaluate(async () => (await fetch('/api/users')).status);
    assert.equal(listed, 403);

    // The owner makes them a viewer: their session ends at once, and they sign in again under the new role.
    await page.getByRole('combobox', { name: `Role of ${email}` }).click();
    await page.getByRole('option', { name: 'Viewer' }).click();
    await page.getByText(`${email} is now viewer`, { exact: true }).waitFor();
    assert.equal(await developer.evaluate(async () => (await fetch('/api/payments')).status), 401);
    await signInByForm(developer, system.baseUrl, { email, password });
    await developer.goto(`${system.baseUrl}/portal/developer`);
    await developer.getByTestId('read-only-note').waitFor();

    // Removed, they are signed out everywhere and cannot sign in again.
    await page.getByRole('button', { name: `Remove ${email}` }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
    await page.getByText(`${email} removed`, { exact: true }).waitFor();
    assert.equal(await page.getByRole('table', { name: 'Users' }).getByText(email).count(), 0);
    assert.equal(await developer.evaluate(async () => (await fetch('/api/payments')).status), 401);
    await developer.goto(`${system.baseUrl}/portal`);
    await developer.waitForURL((url) => url.pathname === '/login');
  });
});

describe('developer settings', () => {
  test('a viewer reads the notify URL but cannot change it: no control in the page, 403 from the API', async () => {
    const before = await savedNotifyUrl();
    const { page } = await pageAs('viewer');
    await page.goto(`${system.baseUrl}/portal/developer`);
    const field = page.getByLabel('Notify URL', { exact: true });
    await field.waitFor();
    assert.equal(await field.inputValue(), before);
    assert.equal(await field.getAttribute('readonly'), '');
    await page.getByTestId('read-only-note').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Rotate secret' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Regenerate API key' }).count(), 0);
    const refused = await page.evaluate(
      async ({ id, url }) => {
        const response = await fetch(`/api/merchants/${id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ notifyUrl: url }),
        });
        return response.status;
      },
      { id: merchantId, url: receiver.url('/viewer-choice') },
    );
    assert.equal(refused, 403);
    assert.equal(await savedNotifyUrl(), before);
    assert.equal(receiver.receivedAt('/viewer-choice').length, 0, 'no test webhook was even sent');
  });

  test('a notify URL that fails its signed test webhook is not saved, and the page says why; one that passes is', async () => {
    receiver.answer('/broken', () => ({ status: 500 }));
    const before = await savedNotifyUrl();
    const { page } = await pageAs('developer');
    await page.goto(`${system.baseUrl}/portal/developer`);
    const field = page.getByLabel('Notify URL', { exact: true });
    await field.fill(receiver.url('/broken'));
    await page.getByRole('button', { name: 'Save' }).click();
    const refusal = page.getByTestId('notify-url-not-saved');
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', /not acknowledged.*HTTP 500/);
    assert.equal(await savedNotifyUrl(), before);
    const probe = receiver.receivedAt('/broken');
    assert.equal(probe.length, 1);
    assert.match(probe[0].headers['webhook-signature'] ?? '', /^v1,/);
    assert.equal(JSON.parse(probe[0].body).type, 'webhook.test');

    await field.fill(receiver.url('/good'));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Notify URL saved').first().waitFor();
    assert.equal(await savedNotifyUrl(), receiver.url('/good'));
    assert.equal(await page.getByTestId('notify-url-not-saved').count(), 0);
  });

  test('a new API key and a rotated secret are shown once, the old key stops at once', async () => {
    const { page } = await pageAs('developer');
    await page.goto(`${system.baseUrl}/portal/developer`);
    await page.getByRole('button', { name: 'Regenerate API key' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Regenerate' }).click();
    const key = (await page.getByTestId('new-api-key-value').textContent())?.trim() ?? '';
    assert.ok(key.length > 20, 'the new key is shown');
    const withKey = await fetch(`${system.baseUrl}/api/merchants/${merchantId}`, { headers: { authorization: `Bearer ${key}` } });
    assert.equal(withKey.status, 200);
    const withOldKey = await fetch(`${system.baseUrl}/api/merchants/${merchantId}`, {
      headers: { authorization: `Bearer ${firstApiKey}` },
    });
    assert.equal(withOldKey.status, 401);

    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Rotate' }).click();
    const secret = (await page.getByTestId('new-webhook-secret-value').textContent())?.trim() ?? '';
    assert.match(secret, /^whsec_/);
    // Shown once: a reload shows neither again.
    await page.reload();
    await page.getByLabel('Notify URL', { exact: true }).waitFor();
    assert.equal(await page.getByTestId('new-api-key').count(), 0);
    assert.equal(await page.getByTestId('new-webhook-secret').count(), 0);
  });
});

describe('a blocked merchant', () => {
  test('its people still sign in and see, without a reload, what the block means; the banner goes when it is lifted', async () => {
    const person = await createPerson(system, 'viewer', merchantId);
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await signInByForm(page, system.baseUrl, person);
    await page.locator('[data-testid="connection-status"][data-state="live"]').waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId('blocked-banner').count(), 0);
    assert.equal((await api(system.baseUrl, 'POST', `/api/merchants/${merchantId}/block`, { reason: 'velocity review' })).status, 200);
    const banner = page.getByTestId('blocked-banner');
    await banner.waitFor({ timeout: 5_000 });
    const text = (await banner.textContent()) ?? '';
    for (const said of ['New payments are refused', 'merchant_blocked', 'still settle', 'keep being delivered'])
      assert.ok(text.includes(said), said);
    // Signing in again while blocked works, and the banner is there from the start.
    const again = await browser.newContext();
    contexts.push(again);
    const fresh = await again.newPage();
    await signInByForm(fresh, system.baseUrl, person);
    await fresh.getByTestId('blocked-banner').waitFor();
    assert.equal((await api(system.baseUrl, 'POST', `/api/merchants/${merchantId}/unblock`, { reason: 'reviewed' })).status, 200);
    await banner.waitFor({ state: 'detached', timeout: 5_000 });
  });
});
