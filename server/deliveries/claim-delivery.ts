import type { Db } from '@/lib/db/prisma';

export type ClaimedDelivery = {
  id: string;
  merchantId: string;
  payload: unknown;
  notifyUrl: string;
  endpointDisabledReason: string | null;
  endpointFailingSince: Date | null;
  secrets: string[];
};

export type Claim = { kind: 'claimed'; delivery: ClaimedDelivery } | { kind: 'stale' } | { kind: 'busy' };

/**
 * Takes the delivery's lease for one attempt. The attempt number must be the next one and no other
 * sender may hold a live lease, so a duplicated or outdated job never sends, and two workers never
 * send one delivery at the same time. A sender that dies leaves a lease that simply runs out.
 */
export async function claimDelivery(db: Db, options: { deliveryId: string; attempt: number; leaseSeconds: number }): Promise<Claim> {
  const [delivery] = await db.$queryRaw<ClaimedDelivery[]>`
    UPDATE delivery d SET lease_until = now() + make_interval(secs => ${options.leaseSeconds})
    FROM merchant m
    WHERE d.id = ${options.deliveryId}::uuid AND m.id = d.merchant_id AND d.status = 'pending'
      AND d.attempt_count = ${options.attempt - 1} AND (d.lease_until IS NULL OR d.lease_until < now())
    RETURNING d.id::text, d.merchant_id::text AS "merchantId", d.payload, m.notify_url AS "notifyUrl",
      CASE WHEN m.endpoint_disabled_at IS NOT NULL THEN coalesce(m.endpoint_disabled_reason, 'disabled') END AS "endpointDisabledReason",
      m.endpoint_failing_since AS "endpointFailingSince",
      ARRAY(SELECT s.secret FROM webhook_secret s WHERE s.merchant_id = m.id AND (s.expires_at IS NULL OR s.expires_at > now())
            ORDER BY s.created_at DESC) AS secrets`;
  if (delivery) return { kind: 'claimed', delivery };
  const [current] = await db.$queryRaw<{ leased: boolean; current: boolean }[]>`
    SELECT lease_until > now() AS leased, status = 'pending' AND attempt_count = ${options.attempt - 1} AS current
    FROM delivery WHERE id = ${options.deliveryId}::uuid`;
  return current?.current && current.leased ? { kind: 'busy' } : { kind: 'stale' };
}
