import type { SettlementEntry } from '@/contracts/settlements';

export type EntrySums = {
  grossAmount: number;
  refundAmount: number;
  feeAmount: number;
  netAmount: number;
  paymentCount: number;
  refundCount: number;
};

/** What a settlement row's entries add up to, computed the way the row is: fees less returned fees, net by sign. */
export function sumEntries(entries: readonly SettlementEntry[]): EntrySums {
  const sums: EntrySums = { grossAmount: 0, refundAmount: 0, feeAmount: 0, netAmount: 0, paymentCount: 0, refundCount: 0 };
  for (const entry of entries) {
    if (entry.kind === 'payment') {
      sums.grossAmount += entry.amount;
      sums.paymentCount++;
    } else if (entry.kind === 'refund') {
      sums.refundAmount += entry.amount;
      sums.refundCount++;
    } else sums.feeAmount += entry.kind === 'fee' ? entry.amount : -entry.amount;
    sums.netAmount += entry.netEffect;
  }
  return sums;
}
