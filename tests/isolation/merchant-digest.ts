import type { Db } from '@/lib/db/prisma';

/**
 * A digest of everything that belongs to one merchant: its row, and the rows of every table with a merchant_id column
 * (new tables are covered the day they are made), so a test can prove another merchant's request changed none of it.
 */
export async function merchantDigest(db: Db, merchantId: string): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'merchant_id'
    ORDER BY table_name`;
  const digest: Record<string, string> = {};
  const of = async (name: string, where: string) => {
    const [row] = await db.$queryRawUnsafe<{ digest: string }[]>(
      `SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM "${name}" t WHERE ${where}`,
      merchantId,
    );
    digest[name] = row.digest;
  };
  await of('merchant', 'id = $1::uuid');
  for (const { name } of tables) await of(name, 'merchant_id = $1::uuid');
  return digest;
}
