// The whole test suite: one PostgreSQL (embedded unless TEST_DATABASE_URL names a server), one migrated
// template database that every test file clones, the web app built for the browser tests, then node's test runner.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfStale } from './build';
import { databaseUrlOn, runSql, startThrowawayPostgres } from './database-server';
import { prepareDatabase } from './prepare-database';

const root = path.resolve(import.meta.dirname, '..');
const template = `paygate_template_${process.pid}`;
const testFiles = process.argv.slice(2);

async function startServer(): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  if (process.env.TEST_DATABASE_URL) return { serverUrl: process.env.TEST_DATABASE_URL, stop: async () => {} };
  return startThrowawayPostgres('paygate-test-pg-');
}

function runTests(env: NodeJS.ProcessEnv): Promise<number> {
  const files = testFiles.length ? testFiles : ['**/*.test.ts', 'e2e/**/*.spec.ts'];
  const args = [
    '--disable-warning=ExperimentalWarning',
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-timeout=120000',
    ...files,
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** The checks that need no database: types, lint (the layer boundaries among its rules) and formatting. */
function staticChecks(): void {
  const run = (what: string, script: string, args: string[]) => {
    console.log(`${what}…`);
    execFileSync(process.execPath, [path.join(root, 'node_modules', script), ...args], { cwd: root, stdio: 'inherit' });
  };
  run('Type-checking the whole project (tsc)', 'typescript/bin/tsc', ['--noEmit', '-p', root]);
  run('Linting (eslint)', 'eslint/bin/eslint.js', ['--max-warnings=0', '.']);
  run('Checking formatting (prettier)', 'prettier/bin/prettier.cjs', ['--check', '--log-level=warn', '.']);
}

if (testFiles.length === 0) staticChecks();
const server = await startServer();
let exitCode: number;
try {
  await runSql(server.serverUrl, `DROP DATABASE IF EXISTS "${template}"`);
  await runSql(server.serverUrl, `CREATE DATABASE "${template}"`);
  await prepareDatabase(databaseUrlOn(server.serverUrl, template));
  if (testFiles.length === 0 || testFiles.some((file) => file.startsWith('e2e'))) buildIfStale();
  exitCode = await runTests({
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    TEST_SERVER_URL: server.serverUrl,
    TEST_TEMPLATE_DATABASE: template,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  });
} finally {
  await runSql(server.serverUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => {});
  await server.stop();
}
process.exit(exitCode);
