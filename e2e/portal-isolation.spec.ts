// Every page of the merchant portal, found on disk (app/portal/**/page.tsx), opened by merchant A's owner with merchant
// B's ids in its path and in every filter the portal's lists take: no API answer the page receives is a 2xx with B's
// data, and nothing of B's shows; detail pages say "not found". A page with a dynamic segment nobody declared fails.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { createPrisma } from '@/lib/db/prisma';
import { outTradeNo } from '@/prisma/seed/factories';
import { launchBrowser } from './helpers/browser';
import { createPerson, signInByForm } from './helpers/sign-in';
import { api, startSystem, waitFor, type RunningSystem } from './helpers/start-system';

type Shop = {
  merchantId: string;
  name: string;
  paymentId: string;
  outTradeNo: string;
  deliveryId: string;
  settlementId: string;
  ownerEmail: string;
};

/** What each dynamic segment of a portal page names, by the folder it sits in. */
const segmentResources: Record<string, keyof Shop> = {
  'orders/[id]': 'paymentId',
  'deliveries/[id]': 'deliveryId',
  'settlements/[id]': 'settlementId',
};

const portalDir = path.resolve(import.meta.dirname, '../app/portal');

function portalPages(dir = portalDir, prefix = ''): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) pages.push(...portalPages(path.join(dir, entry.name), prefix ? `${prefix}/${entry.name}` : entry.name));
    else if (entry.name === 'page.tsx') pages.push(prefix);
  }
  return pages.sort();
}

let system: RunningSystem;
let browser: Browser;
let context: BrowserContext;
let a: Shop;
let b: Shop;

async function makeShop(name: string): Promise<Shop> {
  const merchant = await api(system.baseUrl, 'POST', '/api/merchants', { name, notifyUrl: 'http://127.0.0.1:9/notify' });
  assert.equal(merchant.status, 201);
  const number = outTradeNo();
  const payment = await api(system.baseUrl, 'POST', '/api/payments', {
    merchantId: merchant.json.id,
    outTradeNo: number,
    amount: 4_321,
    provider: 'sandbox',
  });
  assert.equal(payment.status, 201);
  assert.equal((await api(system.baseUrl, 'POST', `/api/sandbox/payments/${payment.json.id}/pay`, {})).status, 202);
  let deliveryId = '';
  await waitFor(async () => {
    deliveryId = (await api(system.baseUrl, 'GET', `/api/deliveries?paymentId=${payment.json.id}`)).json.items[0]?.id ?? '';
    return deliveryId !== '';
  }, 20_000);
  const owner = await createPerson(system, 'owner', merchant.json.id);
  // Sandbox money is never settled, so the shop's settled day is written as the settle pass would write it.
  const db = createPrisma(system.database.url, 1);
  const settlement = await db.settlement.create({
    data: {
      merchantId: merchant.json.id,
      day: new Date(Date.now() - 86_400_000),
      grossAmount: 4_321n,
      refundAmount: 0n,
      feeAmount: 26n,
      netAmount: 4_295n,
      paymentCount: 1,
      refundCount: 0,
    },
  });
  await db.$disconnect();
  return {
    merchantId: merchant.json.id,
    name,
    paymentId: payment.json.id,
    outTradeNo: number,
    deliveryId,
    settlementId: settlement.id,
    ownerEmail: owner.email,
  };
}

before(async () => {
  system = await startSystem();
  browser = await launchBrowser();
  a = await makeShop('Isolation Shop Alpha');
  b = await makeShop('Isolation Shop Bravo');
  const ownerOfA = await createPerson(system, 'owner', a.merchantId);
  context = await browser.newContext();
  await signInByForm(await context.newPage(), system.baseUrl, ownerOfA);
});

after(async () => {
  await context?.close();
  await browser?.close();
  await system?.stop();
});

describe('portal pages keep merchants apart', () => {
  test('every dynamic segment of a portal page is declared', () => {
    const pages = portalPages();
    assert.ok(pages.includes('orders/[id]') && pages.includes('deliveries'), `found ${pages.join(', ')}`);
    const undeclared = pages.filter((page) => page.includes('[') && !(page in segmentResources));
    assert.deepEqual(undeclared, [], 'portal pages whose ids nobody said how to fill');
  });

  test("merchant A's owner opens every portal page with B's ids: no answer carries B's data, nothing of B's shows", async () => {
    const traces = [b.merchantId, b.name, b.paymentId, b.outTradeNo, b.deliveryId, b.settlementId, b.ownerEmail];
    // In the page's own text the ids of the URL may be echoed ("Payment … not found"); B's data may not.
    const visibleTraces = [b.name, b.outTradeNo, b.ownerEmail];
    const filters = new URLSearchParams({ merchantId: b.merchantId, paymentId: b.paymentId }).toString();
    const failures: string[] = [];
    for (const page of portalPages()) {
      const resource = segmentResources[page];
      const route = `/portal${page ? `/${page}` : ''}`.replace(/\[\w+\]/, resource ? String(b[resource]) : '');
      for (const url of resource ? [route] : [route, `${route}?${filters}`]) {
        const tab = await context.newPage();
        const answers: Promise<void>[] = [];
        // The API requests in flight (the live stream aside, which stays open): the page has settled when none is.
        let inFlight = 0;
        let lastActivity = Date.now();
        const isApi = (url: string) => new URL(url).pathname.startsWith('/api/') && !url.includes('/api/events');
        const track = (delta: number) => (request: { url: () => string }) => {
          if (!isApi(request.url())) return;
          inFlight += delta;
          lastActivity = Date.now();
        };
        tab.on('request', track(1));
        tab.on('requestfinished', track(-1));
        tab.on('requestfailed', track(-1));
        tab.on('response', (response) => {
          if (!new URL(response.url()).pathname.startsWith('/api/') || response.url().includes('/api/events')) return;
          answers.push(
            response.text().then(
              (text) => {
                const leaked = traces.filter((trace) => text.includes(trace));
                if (response.ok() && leaked.length)
                  failures.push(`${url}: ${response.url()} answered ${response.status()} with ${leaked.join(', ')}`);
              },
              () => undefined,
            ),
          );
        });
        await tab.goto(`${system.baseUrl}${url}`);
        await tab.locator('main').waitFor();
        await waitFor(async () => inFlight === 0 && Date.now() - lastActivity > 750, 15_000);
        if (resource) await tab.getByText('not found', { exact: false }).first().waitFor({ timeout: 10_000 });
        await Promise.all(answers);
        const text = (await tab.locator('body').textContent()) ?? '';
        const shown = visibleTraces.filter((trace) => text.includes(trace));
        if (shown.length) failures.push(`${url} shows ${shown.join(', ')}`);
        await tab.close();
      }
    }
    assert.deepEqual(failures, []);
  });

  test("with A's own ids the same pages show A's data and its CSV export holds A's orders only", async () => {
    const tab = await context.newPage();
    await tab.goto(`${system.baseUrl}/portal/orders/${a.paymentId}`);
    await tab.getByRole('heading', { name: a.outTradeNo }).waitFor();
    await tab.goto(`${system.baseUrl}/portal/orders`);
    await tab.getByRole('table', { name: 'Orders' }).getByText(a.outTradeNo).waitFor();
    assert.equal(await tab.getByText(b.outTradeNo).count(), 0);
    // The export is A's own list too, as the browser downloads it with the session.
    const href = await tab.getByTestId('export-orders').getAttribute('href');
    assert.ok(href, 'Export CSV is a link');
    const csv = await tab.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
    }, href);
    assert.equal(csv.status, 200);
    assert.match(csv.type ?? '', /^text\/csv/);
    assert.ok(csv.text.includes(a.outTradeNo));
    assert.ok(!csv.text.includes(b.outTradeNo) && !csv.text.includes(b.paymentId), "the export carries none of B's orders");
    await tab.close();
  });
});
