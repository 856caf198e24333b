// Each test file gets a fresh database cloned from the migrated template that `npm test` prepared.
import { randomBytes } from 'node:crypto';
import { databaseUrlOn, runSql } from '@/scripts/database-server';

export const adminToken = 'test-admin-token-0123456789';

function urlFor(database: string): string {
  const server = process.env.TEST_SERVER_URL;
  if (!server) throw new Error('Run the tests through `npm test`: it prepares the database server and template');
  return databaseUrlOn(server, database);
}

async function run(statement: string): Promise<void> {
  await runSql(urlFor('postgres'), statement);
}

export type TestDatabase = { name: string; url: string; drop: () => Promise<void> };

/** Clones the template and points this process's environment at the clone. */
export async function createTestDatabase(env: Record<string, string> = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await run(`CREATE DATABASE "${name}" TEMPLATE "${process.env.TEST_TEMPLATE_DATABASE}"`);
  const url = urlFor(name);
  Object.assign(process.env, {
    DATABASE_URL: url,
    ADMIN_API_TOKEN: adminToken,
    DELIVERY_RETRY_SCHEDULE: '1,1,1',
    NOTIFY_URL_ALLOWLIST: '127.0.0.1,localhost',
    ...env,
  });
  return { name, url, drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
