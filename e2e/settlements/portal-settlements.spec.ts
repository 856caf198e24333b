// The merchant portal's Settlements in Chromium against the real web and worker processes: a settled day's row
// drills down to the payments, refunds and fees that make it, which add up to the row, and the CSV the page
// downloads holds the same rows as the API.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { listSettlementsOperation } from '@/contracts/settlements';
import { createPrisma, type Db } from '@/lib/db/prisma';
import { formatMoney } from '@/lib/format/format-money';
import { getBoss } from '@/lib/queue/boss';
import { attemptOf, bookAt, feeMerchant } from '@/tests/helpers/ledger-facts';
import { parseCsv } from '@/tests/helpers/parse-csv';
import { launchBrowser } from '../helpers/browser';
import { signedInContexts } from '../helpers/sign-in';
import { api, startSystem, type RunningSystem } from '../helpers/start-system';

let system: RunningSystem;
let browser: Browser;
let context: BrowserContext;
let db: Db;
let shop: { id: string; apiKey: string };
let other: { id: string; name: string };
let contexts: ReturnType<typeof signedInContexts>;

before(async () => {
  system = await startSystem({ SETTLEMENT_DELAY_SECONDS: '0' });
  db = createPrisma(system.database.url, 2);
  browser = await launchBrowser();
  shop = await feeMerchant(db, 6_000, '=SUM(1+1) 全家');
  other = await feeMerchant(db, 6_000, 'Console Mart');
  // Yesterday's money facts (days settle once they have ended): payments with their fees, a refund with its fee return.
  const yesterday = new Date(Date.now() - 86_400_000);
  for (const [merchant, amounts] of [
    [shop, [8_300, 84, 12_345]],
    [other, [99_999]],
  ] as const) {
    for (const amount of amounts) {
      const attempt = await attemptOf(db, merchant.id, amount);
      const fee = Math.floor((amount * 6_000 + 500_000) / 1_000_000);
      await bookAt(db, attempt, [
        { kind: 'payment', amount, at: yesterday },
        ...(fee > 0 ? [{ kind: 'fee' as const, amount: fee, at: yesterday }] : []),
      ]);
      if (amount === 12_345) {
        await bookAt(db, attempt, [
          { kind: 'refund', amount: 5_000, at: yesterday },
          { kind: 'fee_return', amount: 30, at: yesterday },
        ]);
      }
    }
  }
  const settled = await api(system.baseUrl, 'POST', '/api/lifecycle/run', { task: 'settle' });
  assert.equal(settled.status, 200, JSON.stringify(settled.json));
  contexts = signedInContexts(system, browser);
  ({ context } = await contexts('viewer', { merchantId: shop.id }));
});

after(async () => {
  await context?.close();
  await browser?.close();
  await (await getBoss()).stop({ graceful: false, close: true });
  await db?.$disconnect();
  await system?.stop();
});

async function apiRows() {
  const answer = await api(system.baseUrl, 'GET', '/api/settlements?limit=200', undefined, shop.apiKey);
  assert.equal(answer.status, 200);
  return listSettlementsOperation.response.parse(answer.json).items;
}

describe('portal Settlements', () => {
  test('a day’s row drills down to its payments and refunds, which add up to the row', async () => {
    const [row] = await apiRows();
    assert.deepEqual([row.grossAmount, row.refundAmount, row.paymentCount, row.refundCount], [8_300 + 84 + 12_345, 5_000, 3, 1]);
    const page = await context.newPage();
    await page.goto(`${system.baseUrl}/portal/settlements`);
    const table = page.getByRole('table', { name: 'Settlements' });
    const link = table.getByRole('row').filter({ hasText: row.date }).getByRole('link').first();
    await link.waitFor({ timeout: 15_000 });
    assert.equal(await table.getByRole('row').filter({ hasText: row.date }).count(), 1, 'only the merchant’s own row');
    await link.click();
    await page.waitForURL(`**/portal/settlements/${row.id}`);
    const sum = page.getByLabel('Sum of the entries');
    await sum.getByText('they add up to the row').waitFor({ timeout: 15_000 });
    const net = formatMoney(row.netAmount, row.currency);
    const figure = (card: typeof sum, label: string) =>
      card.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd');
    const rowCard = page.locator('[data-slot="card"]', { hasText: 'As settled' });
    assert.equal(await figure(sum, 'Net').textContent(), net);
    assert.equal(await figure(sum, 'Gross').textContent(), formatMoney(row.grossAmount, row.currency));
    assert.equal(await figure(sum, 'Fees').textContent(), formatMoney(row.feeAmount, row.currency));
    assert.equal(await figure(rowCard, 'Net').textContent(), net);
    // 3 payments, 2 fees (84 fen at 6000 ppm is 0.504 fen: rounded to 1; 8,300 → 50; 12,345 → 74), a refund and its fee return.
    assert.equal(await page.getByRole('table', { name: 'Entries' }).getByRole('row').count(), 1 + 3 + 3 + 2);
    await page.close();
  });

  test('Export CSV downloads the filtered list, row for row as the API gives it', async () => {
    const rows = await apiRows();
    const page = await context.newPage();
    await page.goto(`${system.baseUrl}/portal/settlements?from=${rows[0].date}&to=${rows[0].date}`);
    await page.getByRole('table', { name: 'Settlements' }).getByRole('link').first().waitFor({ timeout: 15_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    assert.equal(download.suggestedFilename(), 'settlements.csv');
    const bytes = await readFile((await download.path())!);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const [header, ...records] = parseCsv(bytes.subarray(3).toString('utf8'));
    assert.equal(records.length, rows.length);
    for (const [index, row] of rows.entries()) {
      const record = Object.fromEntries(header.map((name, column) => [name, records[index][column]]));
      for (const [field, value] of Object.entries(row)) {
        assert.equal(record[field], field === 'merchantName' ? `'${value}` : String(value), field);
      }
    }
    await page.close();
  });
});

describe('console Settlements', () => {
  test('staff filter by merchant in the URL and open a row’s drill-down', async () => {
    const { context: staff } = await contexts('analyst');
    const page = await staff.newPage();
    await page.goto(`${system.baseUrl}/console/settlements?merchantId=${other.id}`);
    const table = page.getByRole('table', { name: 'Settlements' });
    await table.getByRole('link').first().waitFor({ timeout: 15_000 });
    assert.equal(await table.getByRole('row').filter({ hasText: other.name }).count(), 1);
    assert.equal(await table.getByRole('row').filter({ hasText: '全家' }).count(), 0);
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    assert.equal(href, `/api/settlements?merchantId=${other.id}&format=csv`);
    await table.getByRole('link').first().click();
    await page.getByLabel('Sum of the entries').getByText('they add up to the row').waitFor({ timeout: 15_000 });
    await staff.close();
  });
});
