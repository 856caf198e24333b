import type { BillLine } from '@/server/providers/provider-client';

/** One of our money facts at a provider, as we hold it: a paid attempt, or a refund the provider took. */
export type BookRecord = {
  kind: 'payment' | 'refund';
  /** The attempt's providerTradeNo, or the refund's providerRefundNo: what the bill names it by. */
  number: string;
  providerTradeNo: string;
  amount: number;
  currency: string;
  merchantId: string;
  paymentId: string;
  /** Whether, on our side, the money moved (attempt succeeded; refund processing, succeeded or abnormal). */
  moved: boolean;
  /** Whether it belongs to the bill's day on our side (paid, or submitted, within the day). */
  ofTheDay: boolean;
};

export type BillDifference =
  /** The bill has money we have no record of, or that we hold as not moved. */
  | { kind: 'missing_here'; line: BillLine; ours: BookRecord | null }
  /** We hold money moved that day that the bill does not list. */
  | { kind: 'missing_in_bill'; ours: BookRecord }
  | { kind: 'amount_differs'; line: BillLine; ours: BookRecord };

const numberOf = (line: BillLine) => (line.kind === 'refund' ? (line.providerRefundNo ?? '') : line.providerTradeNo);
const keyOf = (kind: string, number: string) => `${kind}:${number}`;

/**
 * The day's bill against our books: every bill line must be a record of ours whose money moved, for the same amount
 * and currency; every record of ours that moved money that day must be in the bill. `ours` holds the day's records
 * and any other record a bill line names (one paid a moment across midnight is matched, not reported twice).
 */
export function compareBill(bill: BillLine[], ours: BookRecord[]): { matched: number; differences: BillDifference[] } {
  const byKey = new Map(ours.map((record) => [keyOf(record.kind, record.number), record]));
  const billed = new Set<string>();
  const differences: BillDifference[] = [];
  let matched = 0;
  for (const line of bill) {
    const key = keyOf(line.kind, numberOf(line));
    billed.add(key);
    const record = byKey.get(key) ?? null;
    if (record === null || !record.moved) differences.push({ kind: 'missing_here', line, ours: record });
    else if (record.amount !== line.amount || record.currency !== line.currency)
      differences.push({ kind: 'amount_differs', line, ours: record });
    else matched++;
  }
  for (const record of ours) {
    if (record.moved && record.ofTheDay && !billed.has(keyOf(record.kind, record.number)))
      differences.push({ kind: 'missing_in_bill', ours: record });
  }
  return { matched, differences };
}
