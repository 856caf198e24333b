/**
 * What the rules see about one payment: the merchant's minute buckets up to the payment's minute (the longest
 * enabled window of them), the payer's and device's buckets, and the whole-history profile including this payment.
 * Built from PostgreSQL by the live engine and in memory by the backtest, so both judge alike.
 */
export type RiskFacts = {
  payment: { id: string; merchantId: string; amount: number; paidAt: Date; payer: string | null; device: string | null };
  /** Sums in bigint: risk compares money exactly (see risk-arithmetic.ts). */
  buckets: { start: Date; count: number; amount: bigint; samples: string[] }[];
  parties: { party: string; start: Date; count: number }[];
  profile: { firstPaidAt: Date; paymentCount: number; amountTotal: bigint };
};

export const minuteMs = 60_000;

/** Start of the first minute bucket of a window of `minutes` that ends with the payment's minute. */
export function windowStartOf(paidAt: Date, minutes: number): Date {
  const minute = Math.floor(paidAt.getTime() / minuteMs) * minuteMs;
  return new Date(minute - (minutes - 1) * minuteMs);
}

export function partyKey(field: 'payer' | 'device', value: string): string {
  return `${field}:${value}`;
}

/** The payer and device buckets a payment counts in (an empty or missing value counts in none). */
export function partiesOf(payment: Pick<RiskFacts['payment'], 'payer' | 'device'>): string[] {
  return [...(payment.payer ? [partyKey('payer', payment.payer)] : []), ...(payment.device ? [partyKey('device', payment.device)] : [])];
}
