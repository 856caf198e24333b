// The live indicator in Chromium against the real web and worker processes: it says live, shows the stream going
// away (reconnecting, then polling) and comes back to live by itself, whether the database or the web server went.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { databaseUrlOn, runSql } from '@/scripts/database-server';
import { launchBrowser } from '../helpers/browser';
import { signedInContexts } from '../helpers/sign-in';
import { startSystem, type RunningSystem } from '../helpers/start-system';

let system: RunningSystem;
let browser: Browser;
let context: BrowserContext;

before(async () => {
  system = await startSystem();
  browser = await launchBrowser();
  // The stream is authorized by the signed-in admin's session cookie, as in any browser.
  ({ context } = await signedInContexts(system, browser)('admin'));
});

after(async () => {
  await context?.close();
  await browser?.close();
  await system?.stop();
});

/** Opens the console and records every state the indicator shows, in order, from the browser's side. */
async function openHome(): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { liveStates: seen });
    new MutationObserver(() => {
      const state = document.querySelector('[data-testid="connection-status"]')?.getAttribute('data-state');
      if (state && seen[seen.length - 1] !== state) seen.push(state);
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
  await page.goto(`${system.baseUrl}/console`);
  await page.locator('[data-testid="connection-status"][data-state="live"]').waitFor({ timeout: 15_000 });
  assert.equal(await page.getByTestId('connection-status').textContent(), 'Live');
  return page;
}

const statesOf = (page: Page) => page.evaluate(() => (window as unknown as { liveStates: string[] }).liveStates);
const waitForState = (page: Page, state: string, timeout = 20_000) =>
  page.locator(`[data-testid="connection-status"][data-state="${state}"]`).waitFor({ timeout });

const serverUrl = () => databaseUrlOn(system.database.url, 'postgres');

describe('the live indicator', () => {
  test("the server's database listener killed: reconnecting, then live again", async () => {
    const page = await openHome();
    const from = (await statesOf(page)).length;
    await runSql(
      serverUrl(),
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'paygate-live' AND datname = $1`,
      [system.database.name],
    );
    await page.waitForFunction((n) => (window as unknown as { liveStates: string[] }).liveStates.length >= n + 2, from, {
      timeout: 15_000,
    });
    await waitForState(page, 'live');
    assert.deepEqual((await statesOf(page)).slice(from), ['reconnecting', 'live']);
    await page.close();
  });

  test('the database refusing connections for long: reconnecting, then polling, then live once it is back', async () => {
    const page = await openHome();
    const from = (await statesOf(page)).length;
    // No new connection to the database at all (superusers included); the connections open stay.
    await runSql(serverUrl(), `ALTER DATABASE "${system.database.name}" WITH ALLOW_CONNECTIONS false`);
    try {
      await runSql(
        serverUrl(),
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'paygate-live' AND datname = $1`,
        [system.database.name],
      );
      await waitForState(page, 'polling');
      assert.equal(await page.getByTestId('connection-status').textContent(), 'Polling');
    } finally {
      await runSql(serverUrl(), `ALTER DATABASE "${system.database.name}" WITH ALLOW_CONNECTIONS true`);
    }
    await waitForState(page, 'live', 30_000);
    assert.deepEqual((await statesOf(page)).slice(from), ['reconnecting', 'polling', 'live']);
    await page.close();
  });

  test('the web server gone: reconnecting, polling after repeated failures, live once it is back', async () => {
    const page = await openHome();
    const from = (await statesOf(page)).length;
    await system.restartWeb(() => waitForState(page, 'polling'));
    await waitForState(page, 'live', 30_000);
    assert.deepEqual((await statesOf(page)).slice(from), ['reconnecting', 'polling', 'live']);
    await page.close();
  });
});
