import type { Tx } from '@/lib/db/prisma';
import { logger } from '@/lib/logger';
import { ruleDefinitionSchema, type RiskRuleForEvaluation } from '@/contracts/risk-rules';
import { partiesOf, type RiskFacts } from './risk-facts';
import type { RiskStateRows } from './risk-state';

type Row = {
  rules: { id: string; name: string; kind: string; params: unknown; action: 'alert' | 'block' }[];
  windowMinutes: number;
  merchants: { id: string; status: string }[];
  profiles: { merchantId: string; firstPaidAt: string; paymentCount: number; amountTotal: string }[];
  buckets: { merchantId: string; start: string; count: number; amount: string; samples: string[] | null }[];
  parties: { merchantId: string; party: string; start: string; count: number }[];
};

/**
 * The enabled rules and everything they need about a batch of payments, in one round trip: the merchants'
 * statuses and profiles, and only the minute buckets of the longest enabled window before each payment,
 * whatever the merchants' history.
 */
export async function readRiskFacts({ tx, payments }: { tx: Tx; payments: RiskFacts['payment'][] }) {
  const merchantIds = [...new Set(payments.map((payment) => payment.merchantId))];
  const partyRows = [...new Set(payments.flatMap((payment) => partiesOf(payment).map((party) => `${payment.merchantId}|${party}`)))].map(
    (key) => key.split('|'),
  );
  const times = payments.map((payment) => payment.paidAt.getTime());
  const [from, to] = [new Date(Math.min(...times)).toISOString(), new Date(Math.max(...times)).toISOString()];
  const [row] = await tx.$queryRaw<Row[]>`
    WITH rules AS (SELECT id::text, name, kind::text, params, action::text FROM risk_rule WHERE enabled),
    span AS (SELECT coalesce(max((params->>'windowMinutes')::int), 1) AS minutes FROM rules),
    since AS (SELECT date_trunc('minute', ${from}::timestamptz) - make_interval(mins => span.minutes) AS at FROM span)
    SELECT
      (SELECT coalesce(json_agg(r), '[]'::json) FROM rules r) AS rules,
      (SELECT minutes FROM span) AS "windowMinutes",
      (SELECT coalesce(json_agg(json_build_object('id', id, 'status', status)), '[]'::json) FROM merchant WHERE id = ANY(${merchantIds}::uuid[])) AS merchants,
      (SELECT coalesce(json_agg(json_build_object('merchantId', merchant_id, 'firstPaidAt', first_paid_at, 'paymentCount', payment_count,
          'amountTotal', amount_total::text)), '[]'::json)
        FROM merchant_risk_profile WHERE merchant_id = ANY(${merchantIds}::uuid[])) AS profiles,
      (SELECT coalesce(json_agg(json_build_object('merchantId', b.merchant_id, 'start', b.bucket_start, 'count', b.count, 'amount', b.amount::text,
          'samples', b.sample_payment_ids)), '[]'::json)
        FROM merchant_risk_bucket b, since
        WHERE b.merchant_id = ANY(${merchantIds}::uuid[]) AND b.bucket_start > since.at AND b.bucket_start <= ${to}::timestamptz) AS buckets,
      (SELECT coalesce(json_agg(json_build_object('merchantId', q.merchant_id, 'party', q.party, 'start', q.bucket_start, 'count', q.count)), '[]'::json)
        FROM merchant_risk_party_bucket q, since,
          unnest(${partyRows.map(([merchantId]) => merchantId)}::uuid[], ${partyRows.map(([, party]) => party)}::text[]) AS wanted(merchant_id, party)
        WHERE q.merchant_id = wanted.merchant_id AND q.party = wanted.party
          AND q.bucket_start > since.at AND q.bucket_start <= ${to}::timestamptz) AS parties`;
  const aggregates: RiskStateRows = {
    profiles: row.profiles.map(({ merchantId, firstPaidAt, paymentCount, amountTotal }) => ({
      merchantId,
      profile: { firstPaidAt: new Date(firstPaidAt), paymentCount, amountTotal: BigInt(amountTotal) },
    })),
    buckets: row.buckets.map((bucket) => ({
      ...bucket,
      amount: BigInt(bucket.amount),
      start: new Date(bucket.start),
      samples: bucket.samples ?? [],
    })),
    parties: row.parties.map((party) => ({ ...party, start: new Date(party.start) })),
  };
  return {
    rules: parseRules(row.rules),
    windowMinutes: row.windowMinutes,
    statuses: new Map(row.merchants.map((merchant) => [merchant.id, merchant.status])),
    aggregates,
  };
}

/** Stored rules were checked when written; one that no longer parses is skipped loudly rather than failing every event. */
function parseRules(rows: Row['rules']): RiskRuleForEvaluation[] {
  return rows.flatMap((row) => {
    const parsed = ruleDefinitionSchema.safeParse({ kind: row.kind, params: row.params });
    if (parsed.success) return [{ ...parsed.data, id: row.id, name: row.name, action: row.action }];
    logger.error({ ruleId: row.id, issues: parsed.error.issues }, 'risk rule has invalid parameters; skipped');
    return [];
  });
}
