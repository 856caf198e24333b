// `npm run screenshots`: the README's pictures, taken from the running demo so they stay true. Starts
// `npm start -- --demo` in a throwaway data folder on free ports, waits until the demo's spiking shop has raised an
// alert, signs in through the form as an admin and as a merchant owner, and saves each page of the console and the
// portal at 1280 × 860 to docs/screenshots/. Stops everything at the end, even on failure.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '@/e2e/helpers/browser';
import { signInByForm } from '@/e2e/helpers/sign-in';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'docs', 'screenshots');
const port = 30_000 + Math.floor(Math.random() * 20_000);
const baseUrl = `http://127.0.0.1:${port}`;
const admin = { email: 'admin@paygate.example', password: 'screenshots-admin-password' };
const owner = { email: 'owner@lawson.example', password: 'screenshots-owner-password' };
const log = (line: string) => console.log(`[screenshots] ${line}`);

let system: ChildProcess | undefined;
let browser: Browser | undefined;
const dataDir = await mkdtemp(path.join(tmpdir(), 'paygate-screenshots-'));

async function stop() {
  await browser?.close().catch(() => {});
  if (system && system.exitCode === null) {
    const exited = new Promise((resolve) => system!.once('exit', resolve));
    system.kill('SIGTERM');
    await exited;
  }
  await rm(dataDir, { recursive: true, force: true });
}

function startDemo(): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PAYGATE_DATA_DIR: dataDir,
    PORT: String(port),
    EMBEDDED_POSTGRES_PORT: String(port + 1),
    SIMULATOR_PORT: String(port + 2),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete env.DATABASE_URL;
  delete env.ADMIN_API_TOKEN;
  system = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', '--import', 'tsx', path.join(root, 'scripts/start.ts'), '--demo'],
    {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the demo did not start in 5 minutes:\n${output.slice(-2000)}`)), 300_000);
    const take = (chunk: Buffer) => {
      output += chunk;
      const token = /admin token \(generated[^)]*\): (\S+)/.exec(output)?.[1];
      if (token && output.includes('[start] ready')) {
        clearTimeout(timer);
        resolve(token);
      }
    };
    system!.stdout?.on('data', take);
    system!.stderr?.on('data', take);
    system!.once('exit', (code) => reject(new Error(`the demo stopped (exit ${code}):\n${output.slice(-2000)}`)));
  });
}

async function api<T>(token: string, method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 180_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

type Shot = { name: string; path: string };

/** Opens each page, lets its data and charts settle, and saves it; a page the build does not have is reported. */
async function shoot(page: Page, shots: Shot[]) {
  for (const shot of shots) {
    const response = await page.goto(`${baseUrl}${shot.path}`);
    if (!response || response.status() >= 400) throw new Error(`${shot.path} answered ${response?.status()}`);
    // The live stream keeps a request open, so the network never idles: give the data and charts a moment instead.
    await page.waitForTimeout(2_500);
    await page.screenshot({ path: path.join(outDir, `${shot.name}.png`) });
    log(`${shot.name}.png ← ${shot.path}`);
  }
}

let exitCode = 1;
try {
  log(`starting the demo on ${baseUrl} (data in ${dataDir})`);
  const token = await startDemo();
  type Page_<T> = { items: T[] };
  const alert = await waitFor('the spiking shop to raise an alert', async () => {
    const alerts = await api<Page_<{ id: string; merchantId: string }>>(token, 'GET', '/api/risk/alerts?limit=1');
    return alerts.items[0];
  });
  const payments = await api<Page_<{ id: string; merchantId: string }>>(token, 'GET', '/api/payments?status=succeeded&limit=20');
  const shop = payments.items.find((payment) => payment.merchantId !== alert.merchantId) ?? payments.items[0];
  const deliveries = await api<Page_<{ id: string }>>(token, 'GET', `/api/deliveries?limit=1`);
  await api(token, 'POST', '/api/users', { ...owner, role: 'owner', merchantId: shop.merchantId });

  await mkdir(outDir, { recursive: true });
  browser = await launchBrowser();
  const staff = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await signInByForm(staff, baseUrl, admin);
  await shoot(staff, [
    { name: 'console-overview', path: '/console?hours=1' },
    { name: 'console-orders', path: '/console/orders' },
    { name: 'console-order-timeline', path: `/console/orders/${shop.id}` },
    { name: 'console-deliveries', path: '/console/deliveries' },
    ...(deliveries.items[0] ? [{ name: 'console-delivery', path: `/console/deliveries/${deliveries.items[0].id}` }] : []),
    { name: 'console-alerts', path: '/console/alerts' },
    { name: 'console-alert', path: `/console/alerts/${alert.id}` },
    { name: 'console-merchants', path: '/console/merchants' },
    { name: 'console-merchant', path: `/console/merchants/${alert.merchantId}` },
    { name: 'console-rules', path: '/console/rules' },
  ]);
  const optional = async (page: Page, shots: Shot[]) => {
    for (const shot of shots) {
      const probe = await page.request.get(`${baseUrl}${shot.path}`);
      if (probe.status() === 404) log(`${shot.path} is not built; no ${shot.name}.png`);
      else await shoot(page, [shot]);
    }
  };
  await optional(staff, [
    { name: 'console-settlements', path: '/console/settlements' },
    { name: 'console-audit', path: '/console/audit' },
    { name: 'console-notifications', path: '/console/notifications' },
    { name: 'console-users', path: '/console/users' },
  ]);

  const merchant = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await signInByForm(merchant, baseUrl, owner);
  await shoot(merchant, [{ name: 'portal-home', path: '/portal' }]);
  await optional(merchant, [
    { name: 'portal-orders', path: '/portal/orders' },
    { name: 'portal-order-timeline', path: `/portal/orders/${shop.id}` },
    { name: 'portal-deliveries', path: '/portal/deliveries' },
    { name: 'portal-settlements', path: '/portal/settlements' },
    { name: 'portal-developer', path: '/portal/developer' },
    { name: 'portal-users', path: '/portal/users' },
  ]);
  log(`saved to ${path.relative(root, outDir)}/`);
  exitCode = 0;
} catch (error) {
  console.error(error);
} finally {
  await stop();
}
process.exit(exitCode);
