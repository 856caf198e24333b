import type { Db } from '@/lib/db/prisma';

/**
 * One digest per table of everything a request could change: every row of every table of ours, and pg-boss's jobs.
 * Tables named in `except` (evidence of refused traffic) are left out; the caller checks them on its own terms.
 */
export async function databaseDigest(db: Db, except: string[] = []): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`;
  const digest: Record<string, string> = {};
  for (const { name } of tables) {
    if (except.includes(name)) continue;
    const [row] = await db.$queryRawUnsafe<{ digest: string }[]>(
      `SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM "${name}" t`,
    );
    digest[name] = row.digest;
  }
  const [jobs] = await db.$queryRaw<{ digest: string }[]>`
    SELECT count(*) || ':' || coalesce(md5(string_agg(name || id::text || state::text, '|' ORDER BY id)), '') AS digest
    FROM pgboss.job`;
  digest['pgboss.job'] = jobs.digest;
  return digest;
}
