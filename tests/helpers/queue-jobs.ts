import type { Db } from '@/lib/db/prisma';

/** Jobs waiting in a queue, read straight from pg-boss's table. */
export async function jobsIn(db: Db, queue: string): Promise<{ id: string; data: any }[]> {
  return db.$queryRawUnsafe(`SELECT id::text, data FROM pgboss.job_common WHERE name = $1 ORDER BY created_on`, queue);
}
