import type { Db } from '@/lib/db/prisma';

/** Deletes rejected-callback counters older than `retentionDays` and rate-limit windows that have ended. */
export async function pruneAbuseCounters({ db, retentionDays }: { db: Db; retentionDays: number }) {
  const counters = await db.$executeRaw`
    DELETE FROM rejected_callback_count WHERE hour_start < now() - make_interval(days => ${retentionDays}::int)`;
  const rateLimits = await db.$executeRaw`
    DELETE FROM api_rate_limit WHERE expire < (extract(epoch FROM now()) * 1000)::bigint`;
  return { counters, rateLimits };
}
