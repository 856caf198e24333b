type Volume = { currency: string; count: number; amount: number };
type Point = { at: string; paid: number; volume: readonly Volume[] };

/** The currency a merchant's chart is drawn in: the one with the most paid over the series (CNY when none). */
export function chartCurrency(points: readonly Point[]): string {
  const totals = new Map<string, number>();
  for (const point of points) for (const entry of point.volume) totals.set(entry.currency, (totals.get(entry.currency) ?? 0) + entry.count);
  let best = 'CNY';
  let most = 0;
  for (const [currency, count] of totals) if (count > most) [best, most] = [currency, count];
  return best;
}

/** One chart point per hour: paid count and the amount paid in `currency` (minor units; other currencies are not added in). */
export function hourlyVolume(points: readonly Point[], currency: string) {
  return points.map((point) => ({
    time: point.at,
    paid: point.paid,
    amount: point.volume.find((entry) => entry.currency === currency)?.amount ?? 0,
  }));
}
