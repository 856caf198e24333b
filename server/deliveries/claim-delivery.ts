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

export type ClaimRequest = { deliveryId: string; attempt: number; leaseSeconds: number };

/**
 * Takes the deliveries' leases for one attempt each, in one statement for the lot. The attempt number must be the
 * next one and no other sender may hold a live lease, so a duplicated or outdated job never sends, and two
 * workers never send one delivery at the same time. A sender that dies leaves a lease that simply runs out.
 * Returns one claim per request, in order; a second request for a delivery in the same batch finds it busy.
 */
export async function claimDeliveries(db: Db, requests: ClaimRequest[]): Promise<Claim[]> {
  const firsts = new Map<string, ClaimRequest>();
  for (const request of requests) if (!firsts.has(request.deliveryId)) firsts.set(request.deliveryId, request);
  const unique = [...firsts.values()].sort((a, b) => (a.deliveryId < b.deliveryId ? -1 : 1));
  const claimed = await db.$queryRaw<ClaimedDelivery[]>`
    UPDATE delivery d SET lease_until = now() + make_interval(secs => r.lease_seconds)
    FROM merchant m, unnest(${unique.map((r) => r.deliveryId)}::uuid[], ${unique.map((r) => r.attempt)}::int[], ${unique.map((r) => r.leaseSeconds)}::int[])
      AS r(id, attempt, lease_seconds)
    WHERE d.id = r.id AND m.id = d.merchant_id AND d.status = 'pending'
      AND d.attempt_count = r.attempt - 1 AND (d.lease_until IS NULL OR d.lease_until < now())
    RETURNING d.id::text, d.merchant_id::text AS "merchantId", d.payload, m.notify_url AS "notifyUrl",
      CASE WHEN m.endpoint_disabled_at IS NOT NULL THEN coalesce(m.endpoint_disabled_reason, 'disabled') END AS "endpointDisabledReason",
      m.endpoint_failing_since AS "endpointFailingSince",
      ARRAY(SELECT s.secret FROM webhook_secret s WHERE s.merchant_id = m.id AND (s.expires_at IS NULL OR s.expires_at > now())
            ORDER BY s.created_at DESC) AS secrets`;
  const byId = new Map(claimed.map((delivery) => [delivery.id, delivery]));
  const missing = unique.filter((request) => !byId.has(request.deliveryId));
  const states =
    missing.length === 0
      ? []
      : await db.$queryRaw<{ id: string; leased: boolean; current: boolean }[]>`
    SELECT d.id::text, coalesce(d.lease_until > now(), false) AS leased, d.status = 'pending' AND d.attempt_count = r.attempt - 1 AS current
    FROM delivery d JOIN unnest(${missing.map((r) => r.deliveryId)}::uuid[], ${missing.map((r) => r.attempt)}::int[]) AS r(id, attempt) ON d.id = r.id`;
  const busy = new Set(states.filter((state) => state.current && state.leased).map((state) => state.id));
  return requests.map((request): Claim => {
    const delivery = byId.get(request.deliveryId);
    if (delivery && firsts.get(request.deliveryId) === request) return { kind: 'claimed', delivery };
    return delivery || busy.has(request.deliveryId) ? { kind: 'busy' } : { kind: 'stale' };
  });
}
