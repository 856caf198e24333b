// The first admin at start (DESIGN §5): ADMIN_EMAIL and ADMIN_PASSWORD create or update it; without them,
// admin@localhost with a password generated once, kept in .data/admin-password and printed only when made.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getPrisma } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { ensureFirstAdmin } from '@/server/users/ensure-first-admin';
import { dataDir } from './with-database';

export const generatedAdminEmail = 'admin@localhost';

async function credentials(): Promise<{ email: string; password: string; generated: boolean; file?: string }> {
  const env = getEnv();
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) return { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD, generated: false };
  if (env.ADMIN_EMAIL || env.ADMIN_PASSWORD) throw new Error('Set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither');
  const file = path.join(dataDir, 'admin-password');
  if (existsSync(file)) return { email: generatedAdminEmail, password: (await readFile(file, 'utf8')).trim(), generated: false, file };
  const password = randomBytes(18).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return { email: generatedAdminEmail, password, generated: true, file };
}

/** Makes sure the first admin can sign in; prints a generated password the one time it is made. */
export async function bootstrapFirstAdmin(log: (line: string) => void): Promise<{ email: string }> {
  const { email, password, generated, file } = await credentials();
  const { created } = await ensureFirstAdmin({ db: getPrisma(), email, password });
  if (generated) log(`first admin: ${email}  password: ${password}  (shown once; kept in ${file})`);
  else if (created || file) log(`first admin: ${email}${file ? ` (password in ${file})` : ''}`);
  return { email };
}
