import { Prisma } from '@/generated/prisma/client';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The ids of the payments an id a person pasted may name: our payment id, a merchant's outTradeNo (several merchants
 * may share one), our providerTradeNo of any of its attempts, or the provider's transaction id (of the payment or of
 * any attempt, a duplicate payment's included). Each branch is an exact lookup in an index of its own (the
 * provider's over its three values), so a search costs the same with a million payments as with ten.
 */
export function paymentIdSearch(q: string): Prisma.Sql {
  const id = uuidPattern.test(q) ? q.toLowerCase() : null;
  return Prisma.sql`
    SELECT id::text FROM payment WHERE id = ${id}::uuid
    UNION
    SELECT id::text FROM payment WHERE out_trade_no = ${q}
    UNION
    SELECT id::text FROM payment WHERE provider = ANY(enum_range(NULL::"Provider")) AND provider_transaction_id = ${q}
    UNION
    SELECT payment_id::text FROM payment_attempt WHERE provider_trade_no = ${q}
    UNION
    SELECT payment_id::text FROM payment_attempt WHERE provider = ANY(enum_range(NULL::"Provider")) AND provider_transaction_id = ${q}`;
}
