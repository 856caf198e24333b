import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { startSystem, type RunningSystem } from '../helpers/start-system';

let system: RunningSystem;
let browser: Browser;

before(async () => {
  system = await startSystem();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await system?.stop();
});

test('the app opens in Chromium on the sign-in page and reports the system ready', async () => {
  const page = await browser.newPage();
  await page.goto(system.baseUrl);
  assert.equal(new URL(page.url()).pathname, '/login');
  assert.equal(await page.title(), 'Sign in — Paygate');
  const status = page.getByTestId('health-status');
  await status.and(page.locator('[data-state="ok"]')).waitFor({ timeout: 15_000 });
  assert.equal(await status.textContent(), 'All systems ready');
  await page.close();
});
