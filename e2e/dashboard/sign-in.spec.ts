// Sign-in in Chromium against the real web and worker processes: the form signs in, a wrong password is refused,
// a signed-out visitor is sent to /login, and an analyst cannot open an admin-only page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { signInByForm, signedInContexts } from '../helpers/sign-in';
import { api, startSystem, type RunningSystem } from '../helpers/start-system';

let system: RunningSystem;
let browser: Browser;
let contextFor: ReturnType<typeof signedInContexts>;

before(async () => {
  system = await startSystem();
  browser = await launchBrowser();
  contextFor = signedInContexts(system, browser);
});

after(async () => {
  await browser?.close();
  await system?.stop();
});

describe('sign-in', () => {
  test('the first admin signs in by the form and lands in the console; signing out ends the session', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInByForm(page, system.baseUrl, system.admin);
    assert.equal(new URL(page.url()).pathname, '/console');
    await page.getByRole('button', { name: /Account/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.goto(`${system.baseUrl}/console`);
    assert.equal(new URL(page.url()).pathname, '/login');
    await context.close();
  });

  test('a wrong password is refused with a message and no session', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${system.baseUrl}/login`);
    await page.locator('form[data-ready]').waitFor();
    await page.getByLabel('Email').fill(system.admin.email);
    await page.getByLabel('Password').fill('certainly not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('sign-in-error').waitFor();
    assert.equal(await page.getByTestId('sign-in-error').textContent(), 'Wrong email or password.');
    assert.equal(new URL(page.url()).pathname, '/login');
    assert.equal((await context.cookies()).filter((cookie) => cookie.name.includes('session_token')).length, 0);
    await context.close();
  });

  test('a signed-out visitor to / or /console is sent to /login', async () => {
    const page = await browser.newPage();
    await page.goto(`${system.baseUrl}/console`);
    assert.equal(new URL(page.url()).pathname, '/login');
    await page.goto(system.baseUrl);
    assert.equal(new URL(page.url()).pathname, '/login');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.close();
  });

  test('an analyst reaches the console but not an admin-only page; a stored session is reused', async () => {
    const { context } = await contextFor('analyst');
    const page = await context.newPage();
    await page.goto(`${system.baseUrl}/`);
    assert.equal(new URL(page.url()).pathname, '/console');
    await page.goto(`${system.baseUrl}/console/users`);
    assert.equal(new URL(page.url()).pathname, '/forbidden');
    await page.getByTestId('forbidden').waitFor();
    await context.close();
    const admin = await contextFor('admin');
    const adminPage = await admin.context.newPage();
    await adminPage.goto(`${system.baseUrl}/console/users`);
    assert.equal(new URL(adminPage.url()).pathname, '/console/users');
    await admin.context.close();
  });

  test('a merchant user is sent to its portal, never the console', async () => {
    const merchant = await api<{ id: string }>(system.baseUrl, 'POST', '/api/merchants', {
      name: 'Portal Shop',
      notifyUrl: 'http://127.0.0.1:9/n',
    });
    const { context } = await contextFor('viewer', { merchantId: merchant.json.id });
    const page = await context.newPage();
    await page.goto(`${system.baseUrl}/console`);
    assert.equal(new URL(page.url()).pathname, '/portal');
    await context.close();
  });
});
