import { v7 as uuidv7 } from 'uuid';
import type { Db } from '@/lib/db/prisma';
import { notifyChangesSql } from '@/lib/live/notify-changes';
import type { AttemptResult } from './send-webhook';

export type Delivered = { deliveryId: string; merchantId: string; attempt: number; url: string; result: AttemptResult };

/**
 * Records successful attempts, many at once, in one statement: each attempt's row and its delivery, now
 * `delivered`, commit together, and so does their live notification (the statement's final SELECT). Only for the plain case, a 2xx to an endpoint that was not failing;
 * `recordAttempt` handles everything else.
 */
export async function recordDelivered(db: Db, items: Delivered[]): Promise<void[]> {
  const column = <T>(pick: (item: Delivered) => T) => items.map(pick);
  const changes = items.map((item) => ({ kind: 'delivery' as const, id: item.deliveryId, merchantId: item.merchantId }));
  await db.$executeRaw`
    WITH v AS (
      SELECT * FROM unnest(${column(() => uuidv7())}::uuid[], ${column((i) => i.deliveryId)}::uuid[], ${column((i) => i.attempt)}::int[],
        ${column((i) => i.url)}::text[], ${column((i) => i.result.startedAt.toISOString())}::timestamptz[], ${column((i) => i.result.durationMs)}::int[],
        ${column((i) => i.result.statusCode)}::int[], ${column((i) => i.result.responseExcerpt)}::text[])
        AS v(attempt_id, delivery_id, attempt, url, started_at, duration_ms, status_code, response_excerpt)
    ), recorded AS (
      INSERT INTO delivery_attempt (id, delivery_id, attempt_number, url, started_at, duration_ms, status_code, response_excerpt)
      SELECT attempt_id, delivery_id, attempt, url, started_at, duration_ms, status_code, response_excerpt FROM v
    ), updated AS (
      UPDATE delivery d SET status = 'delivered', attempt_count = v.attempt, last_attempt_at = v.started_at, delivered_at = now(),
        next_attempt_at = NULL, lease_until = NULL, last_error = NULL, updated_at = now()
      FROM v WHERE d.id = v.delivery_id
    )
    ${notifyChangesSql(changes)}`;
  return items.map(() => undefined);
}
