// `npm start` as a newcomer runs it: no DATABASE_URL, an embedded PostgreSQL, data kept across restarts,
// a killed worker restarted, and nothing left running after SIGTERM.
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { api, waitFor } from '../helpers/start-system';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = await mkdtemp(path.join(tmpdir(), 'paygate-start-'));
const port = 30_000 + Math.floor(Math.random() * 20_000);
const baseUrl = `http://127.0.0.1:${port}`;

after(() => rm(dataDir, { recursive: true, force: true }));

function start(extraEnv: Record<string, string> = {}): { child: ChildProcess; output: () => string } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PAYGATE_DATA_DIR: dataDir,
    PORT: String(port),
    EMBEDDED_POSTGRES_PORT: String(port + 1),
    NOTIFY_URL_ALLOWLIST: '127.0.0.1',
  };
  delete env.DATABASE_URL;
  delete env.ADMIN_API_TOKEN;
  Object.assign(env, extraEnv);
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '--import', 'tsx', path.join(root, 'scripts/start.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function stop(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function childPids(parent: number): number[] {
  const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(parent)]).toString();
  return out
    .split('\n')
    .map((line: string) => Number(line.trim()))
    .filter(Boolean);
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

test('npm start runs the whole system with no configuration and keeps its data across restarts', async () => {
  const first = start();
  await waitFor(async () => first.output().includes('[start] ready'), 120_000);
  const token = (await readFile(path.join(dataDir, 'admin-token'), 'utf8')).trim();
  assert.match(first.output(), new RegExp(`admin token \\(generated, kept in \\S+\\): ${token}`), 'a generated token is printed once');
  // Where to sign in, and the first admin's generated password, printed once; the password signs in.
  const password = (await readFile(path.join(dataDir, 'admin-password'), 'utf8')).trim();
  assert.match(first.output(), new RegExp(`first admin: admin@localhost  password: ${password}  \\(shown once`));
  assert.match(first.output(), /sign in at http:\/\/localhost:\d+\/login as admin@localhost/);
  const signIn = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email: 'admin@localhost', password }),
  });
  assert.equal(signIn.status, 200, await signIn.text());
  const merchant = await api(baseUrl, 'POST', '/api/merchants', { name: 'Persisted', notifyUrl: 'http://127.0.0.1:9/n' }, token);
  assert.equal(merchant.status, 201);

  // A worker killed outright is started again.
  const worker = childPids(first.child.pid!).find((pid) => commandOf(pid).includes('workers/index.ts'));
  assert.ok(worker, 'a worker process runs');
  process.kill(worker, 'SIGKILL');
  await waitFor(
    async () => childPids(first.child.pid!).some((pid) => pid !== worker && commandOf(pid).includes('workers/index.ts')),
    20_000,
  );

  const children = childPids(first.child.pid!);
  await stop(first.child);
  for (const pid of children) assert.equal(commandOf(pid), '', `process ${pid} outlived npm start`);

  // The second start is given the token in its environment, as an operator would.
  const second = start({ ADMIN_API_TOKEN: token });
  await waitFor(async () => second.output().includes('[start] ready'), 120_000);
  const again = await api(baseUrl, 'GET', `/api/merchants/${merchant.json.id}`, undefined, token);
  assert.equal(again.status, 200);
  assert.equal(again.json.name, 'Persisted');
  assert.ok(!second.output().includes(token), 'a token from the environment is never printed');
  assert.ok(!second.output().includes(password), 'the admin password is printed only when it was generated');
  await stop(second.child);
});
