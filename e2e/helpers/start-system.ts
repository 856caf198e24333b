// The real system for browser and end-to-end tests: the built web server and a worker process,
// on a fresh database cloned from the test template.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort, stopChild } from '@/scripts/processes';
import { createPrisma } from '@/lib/db/prisma';
import { ensureFirstAdmin } from '@/server/users/ensure-first-admin';
import { adminToken, createTestDatabase, type TestDatabase } from '@/tests/helpers/test-database';

const root = path.resolve(import.meta.dirname, '../..');

/** The first admin of every system these tests start (what ADMIN_EMAIL/ADMIN_PASSWORD make at start). */
export const adminCredentials = { email: 'admin@paygate.test', password: 'test-admin-password-0123' } as const;

export type RunningSystem = {
  baseUrl: string;
  admin: typeof adminCredentials;
  database: TestDatabase;
  /** Everything the web and worker processes wrote to stdout and stderr so far. */
  logs: () => string;
  stop: () => Promise<void>;
  /** Stops the web server, runs `meanwhile` while it is down, then starts it again on the same port. */
  restartWeb: (meanwhile?: () => Promise<void>) => Promise<void>;
};

export async function startSystem(env: Record<string, string> = {}): Promise<RunningSystem> {
  const database = await createTestDatabase(env);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Playwright must never run against anything but the local test database.
  if (!/^postgres(ql)?:\/\/[^@]*@(127\.0\.0\.1|localhost)[:/]/.test(database.url)) throw new Error('refusing a non-local database');
  const db = createPrisma(database.url, 1);
  await ensureFirstAdmin({ db, ...adminCredentials }).finally(() => db.$disconnect());
  const childEnv = {
    ...process.env,
    PORT: String(port),
    NODE_ENV: 'production' as const,
    SANDBOX_CALLBACK_URL: `${baseUrl}/api/callbacks/sandbox`,
    ADMIN_EMAIL: adminCredentials.email,
    ADMIN_PASSWORD: adminCredentials.password,
  };
  // Kept in memory (the pipes must be drained anyway), so a test can read what the processes logged.
  const output: Buffer[] = [];
  const spawnLogged = (args: string[], role: 'web' | 'worker') => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...childEnv, PROCESS_ROLE: role }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    return child;
  };
  const startWeb = () =>
    spawnLogged([path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], 'web');
  let web = startWeb();
  const worker = spawnLogged(['--disable-warning=ExperimentalWarning', '--import', 'tsx', path.join(root, 'workers/index.ts')], 'worker');
  const logs = () => Buffer.concat(output).toString('utf8');
  const ready = () => waitFor(async () => (await fetch(`${baseUrl}/api/health`).catch(() => null))?.ok === true, 60_000);
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await Promise.all([web, worker].map((child) => stopChild(child)));
      await database.drop();
    })());
  try {
    await ready();
  } catch (error) {
    await stop();
    throw error;
  }
  const restartWeb = async (meanwhile: () => Promise<void> = async () => {}) => {
    await stopChild(web);
    try {
      await meanwhile();
    } finally {
      web = startWeb();
      await ready();
    }
  };
  return { baseUrl, admin: adminCredentials, database, logs, stop, restartWeb };
}

export async function api<T = any>(baseUrl: string, method: string, route: string, body?: unknown, token = adminToken) {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as T };
}

/** Polls `check` until it holds: for state another process produces, where no signal reaches this one. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
