import type { Tx } from '@/lib/db/prisma';
import { logger } from '@/lib/logger';
import { ruleDefinitionSchema, type RiskRuleForEvaluation } from './rule-definition-schema';
import { partyKey, type RiskFacts } from './risk-facts';

type Row = {
  rules: { id: string; name: string; kind: string; params: unknown; action: 'alert' | 'block' }[];
  merchantStatus: string | null;
  profile: { firstPaidAt: string; paymentCount: number; amountTotal: number } | null;
  buckets: { start: string; count: number; amount: number; samples: string[] | null }[];
  parties: { party: string; start: string; count: number }[];
};

/**
 * The enabled rules and everything they need about one payment, in one round trip: only the minute buckets of
 * the longest enabled window are read, whatever the merchant's history.
 */
export async function readRiskFacts({ tx, payment }: { tx: Tx; payment: RiskFacts['payment'] }) {
  const parties = [
    ...(payment.payer ? [partyKey('payer', payment.payer)] : []),
    ...(payment.device ? [partyKey('device', payment.device)] : []),
  ];
  const [row] = await tx.$queryRaw<Row[]>`
    WITH rules AS (SELECT id::text, name, kind::text, params, action::text FROM risk_rule WHERE enabled),
    span AS (
      SELECT date_trunc('minute', ${payment.paidAt}::timestamptz)
        - make_interval(mins => coalesce(max((params->>'windowMinutes')::int), 1)) AS since FROM rules
    )
    SELECT
      (SELECT coalesce(json_agg(r), '[]'::json) FROM rules r) AS rules,
      (SELECT status::text FROM merchant WHERE id = ${payment.merchantId}::uuid) AS "merchantStatus",
      (SELECT json_build_object('firstPaidAt', first_paid_at, 'paymentCount', payment_count, 'amountTotal', amount_total::float8)
        FROM merchant_risk_profile WHERE merchant_id = ${payment.merchantId}::uuid) AS profile,
      (SELECT coalesce(json_agg(json_build_object('start', b.bucket_start, 'count', b.count, 'amount', b.amount::float8, 'samples', b.sample_payment_ids)), '[]'::json)
        FROM merchant_risk_bucket b, span
        WHERE b.merchant_id = ${payment.merchantId}::uuid AND b.bucket_start > span.since AND b.bucket_start <= ${payment.paidAt}::timestamptz) AS buckets,
      (SELECT coalesce(json_agg(json_build_object('party', q.party, 'start', q.bucket_start, 'count', q.count)), '[]'::json)
        FROM merchant_risk_party_bucket q, span
        WHERE q.merchant_id = ${payment.merchantId}::uuid AND q.party = ANY(${parties}::text[])
          AND q.bucket_start > span.since AND q.bucket_start <= ${payment.paidAt}::timestamptz) AS parties`;
  const profile = row.profile ?? { firstPaidAt: payment.paidAt.toISOString(), paymentCount: 1, amountTotal: payment.amount };
  const facts: RiskFacts = {
    payment,
    profile: { firstPaidAt: new Date(profile.firstPaidAt), paymentCount: profile.paymentCount, amountTotal: profile.amountTotal },
    buckets: row.buckets.map((bucket) => ({ start: new Date(bucket.start), count: bucket.count, amount: bucket.amount, samples: bucket.samples ?? [] })),
    parties: row.parties.map((party) => ({ party: party.party, start: new Date(party.start), count: party.count })),
  };
  return { facts, rules: parseRules(row.rules), merchantStatus: row.merchantStatus };
}

/** Stored rules were checked when written; one that no longer parses is skipped loudly rather than failing every event. */
export function parseRules(rows: Row['rules']): RiskRuleForEvaluation[] {
  return rows.flatMap((row) => {
    const parsed = ruleDefinitionSchema.safeParse({ kind: row.kind, params: row.params });
    if (parsed.success) return [{ ...parsed.data, id: row.id, name: row.name, action: row.action }];
    logger.error({ ruleId: row.id, issues: parsed.error.issues }, 'risk rule has invalid parameters; skipped');
    return [];
  });
}
