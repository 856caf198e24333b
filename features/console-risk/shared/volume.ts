import { formatMoney } from '@/lib/format/format-money';

type Volume = { currency: string; count: number; amount: number };

/** Money per currency, never added across currencies: "¥1,200.00" or "¥1,200.00 · US$30.00"; "—" when none. */
export function formatVolume(volume: readonly Volume[]): string {
  const paid = volume.filter((entry) => entry.count > 0 || entry.amount !== 0);
  if (paid.length === 0) return formatMoney(0, 'CNY');
  return paid.map((entry) => formatMoney(entry.amount, entry.currency)).join(' · ');
}

/** How many payments the volume counts, all currencies together (counts do add up). */
export function volumeCount(volume: readonly Volume[]): number {
  return volume.reduce((sum, entry) => sum + entry.count, 0);
}
