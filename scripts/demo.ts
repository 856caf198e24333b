// Demo traffic: a few shops whose shoppers keep paying through the sandbox provider, with now and then a
// duplicated, late or lost callback, exactly as real providers behave. Talks to the system only through its API.
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { outTradeNo } from '@/prisma/seed/factories';
import { dataDir } from './with-database';

const baseUrl = process.env.BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const token = process.env.ADMIN_API_TOKEN;
if (!token) throw new Error('ADMIN_API_TOKEN is needed (npm start -- --demo sets it)');
const simulator = process.env.SIMULATOR_URL ?? `http://127.0.0.1:${process.env.SIMULATOR_PORT ?? 3100}`;
// Each shop's server behaves differently, so the demo shows retries, dead letters and a disabled endpoint.
const shops = [
  { name: 'Lawson Xuhui', behaviour: 'healthy' },
  { name: "FamilyMart Jing'an", behaviour: 'healthy' },
  { name: 'Quick Mart Pudong', behaviour: 'flaky' },
  { name: 'Tea House Hongkou', behaviour: 'slow' },
  { name: 'Noodle Bar Minhang', behaviour: 'throttled' },
  { name: 'Night Kiosk Putuo', behaviour: 'down' },
  { name: 'Closed Shop Yangpu', behaviour: 'gone' },
];
const stateFile = path.join(dataDir, 'demo-shops.json');

async function api<T>(method: string, route: string, body?: unknown): Promise<{ status: number; json: T }> {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as T };
}

async function demoMerchants(): Promise<string[]> {
  if (existsSync(stateFile)) {
    const ids = JSON.parse(await readFile(stateFile, 'utf8')) as string[];
    const found = await Promise.all(ids.map((id) => api('GET', `/api/merchants/${id}`)));
    if (found.every((response) => response.status === 200)) return ids;
  }
  const ids: string[] = [];
  for (const { name, behaviour } of shops) {
    const created = await api<{ id: string }>('POST', '/api/merchants', { name, notifyUrl: `${simulator}/${behaviour}` });
    if (created.status !== 201) throw new Error(`could not create demo merchant: ${JSON.stringify(created.json)}`);
    ids.push(created.json.id);
  }
  await mkdir(dataDir, { recursive: true });
  await writeFile(stateFile, JSON.stringify(ids));
  return ids;
}

function fault(): { fault: 'none' | 'duplicate' | 'late' | 'lost'; delaySeconds?: number } {
  const roll = randomInt(100);
  if (roll < 10) return { fault: 'duplicate' };
  if (roll < 15) return { fault: 'late', delaySeconds: 10 };
  if (roll < 18) return { fault: 'lost' };
  return { fault: 'none' };
}

// One more shop that suddenly sells far above its norm (suspected fake orders), so risk alerts show themselves:
// bursts of large payments from one shopper cross the default window-amount rule, and a later burst, with the
// repeated-payer rule agreeing, gets it auto-blocked. Kept in its own state file so older demo data still works.
const spikeStateFile = path.join(dataDir, 'demo-spike-shop.json');

async function spikeMerchant(): Promise<string> {
  if (existsSync(spikeStateFile)) {
    const id = JSON.parse(await readFile(spikeStateFile, 'utf8')) as string;
    if ((await api('GET', `/api/merchants/${id}`)).status === 200) return id;
  }
  const created = await api<{ id: string }>('POST', '/api/merchants', { name: 'Flash Deals Baoshan', notifyUrl: `${simulator}/healthy` });
  if (created.status !== 201) throw new Error(`could not create the spiking demo merchant: ${JSON.stringify(created.json)}`);
  await mkdir(dataDir, { recursive: true });
  await writeFile(spikeStateFile, JSON.stringify(created.json.id));
  return created.json.id;
}

async function spikeBurst(merchantId: string) {
  for (let i = 0; i < 12; i++) {
    const payment = await api<{ id: string }>('POST', '/api/payments', {
      merchantId,
      outTradeNo: outTradeNo(),
      amount: 300_000 + randomInt(300_000),
      currency: 'CNY',
      provider: 'sandbox',
      description: 'Bulk order',
    });
    if (payment.status !== 201) return counts.refused++;
    await api('POST', `/api/sandbox/payments/${payment.json.id}/pay`, { fault: 'none', payer: 'demo-bulk-buyer', device: 'POS-1' });
    counts.spike++;
  }
}

const merchants = await demoMerchants();
const spiking = await spikeMerchant();
let nextBurst = Date.now() + 30_000;
const counts = { paid: 0, duplicate: 0, late: 0, lost: 0, refused: 0, spike: 0 };
setInterval(() => console.log(`[demo] ${JSON.stringify(counts)}`), 10_000).unref();

for (;;) {
  if (Date.now() >= nextBurst) {
    nextBurst = Date.now() + 90_000;
    await spikeBurst(spiking);
  }
  const merchantId = merchants[randomInt(merchants.length)];
  const payment = await api<{ id: string }>('POST', '/api/payments', {
    merchantId,
    outTradeNo: outTradeNo(),
    amount: 300 + randomInt(8_000),
    currency: 'CNY',
    provider: 'sandbox',
    description: 'Demo basket',
  });
  if (payment.status === 201) {
    const chosen = fault();
    await api('POST', `/api/sandbox/payments/${payment.json.id}/pay`, {
      ...chosen,
      payer: `demo-payer-${randomInt(40)}`,
      device: `POS-${randomInt(1, 9)}`,
    });
    counts[chosen.fault === 'none' ? 'paid' : chosen.fault]++;
  } else {
    counts.refused++;
  }
  await new Promise((resolve) => setTimeout(resolve, 200 + randomInt(400)));
}
