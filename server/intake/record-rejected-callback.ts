import type { Db } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import type { ProviderName } from '@/server/providers/provider-notification';
import { recordNotification, type InboxEntry } from './record-notification';

type Rejected = {
  db: Db;
  provider: ProviderName;
  source: string;
  /** The AppError code: a closed set, so a sender cannot mint counters with words of its own. */
  code: string;
  message: string;
  evidence: Pick<InboxEntry, 'rawBody' | 'headers'>;
};

/**
 * Counts a callback that failed verification in rejected_callback_count (per hour, provider, source address and
 * reason) and, in the same transaction, keeps its excerpt in the inbox only as a sample: the first
 * REJECTED_CALLBACK_SAMPLE_FIRST of the hour, then one in REJECTED_CALLBACK_SAMPLE_EVERY, at most
 * REJECTED_CALLBACK_SAMPLES_PER_HOUR. The counter row is locked by its upsert until commit, so concurrent
 * rejections sample exactly.
 */
export async function recordRejectedCallback({ db, provider, source, code, message, evidence }: Rejected): Promise<{ sampled: boolean }> {
  const env = getEnv();
  return db.$transaction(async (tx) => {
    const [counter] = await tx.$queryRaw<{ count: number; sampled: number }[]>`
      INSERT INTO rejected_callback_count (hour_start, provider, source_ip, reason, count, sampled, first_at, last_at)
      VALUES (date_trunc('hour', now()), ${provider}::"Provider", ${source}, ${code}, 1, 0, now(), now())
      ON CONFLICT (hour_start, provider, source_ip, reason)
        DO UPDATE SET count = rejected_callback_count.count + 1, last_at = now()
      RETURNING count, sampled`;
    const sampled =
      counter.sampled < env.REJECTED_CALLBACK_SAMPLES_PER_HOUR &&
      (counter.count <= env.REJECTED_CALLBACK_SAMPLE_FIRST || counter.count % env.REJECTED_CALLBACK_SAMPLE_EVERY === 0);
    if (!sampled) return { sampled };
    await tx.$executeRaw`
      UPDATE rejected_callback_count SET sampled = sampled + 1
      WHERE hour_start = date_trunc('hour', now()) AND provider = ${provider}::"Provider" AND source_ip = ${source} AND reason = ${code}`;
    await recordNotification(tx, {
      ...evidence,
      provider,
      kind: 'unknown',
      outcome: 'rejected',
      reason: message,
      paymentId: null,
      notificationId: null,
      dedupeKey: null,
    });
    return { sampled };
  });
}
