// Risk decides on money, so it never rounds before it compares: sums are bigint, a rule's multiplier is an integer
// number of thousandths (the rule schema admits at most three decimals, so 1.15 is exactly 1150/1000), and a
// baseline is kept as the fraction it is (numerator / denominator). "Above k × baseline" is then one exact
// cross-multiplied comparison. Figures shown as evidence (baseline, threshold) are rounded half up to the fen.

export type Fraction = { numerator: bigint; denominator: bigint };

/** The multiplier in thousandths; exact for every multiplier the rule schema accepts. */
export function toThousandths(multiplier: number): bigint {
  return BigInt(Math.round(multiplier * 1000));
}

/** True when `amount` is strictly above `floor` and strictly above `multiplier × baseline`, computed exactly. */
export function exceedsThreshold({
  amount,
  floor,
  multiplier,
  baseline,
}: {
  amount: bigint;
  floor: bigint;
  multiplier: number;
  baseline: Fraction;
}) {
  if (amount <= floor) return false;
  return amount * 1000n * baseline.denominator > toThousandths(multiplier) * baseline.numerator;
}

/** The threshold as evidence: max(floor, multiplier × baseline), rounded half up to the fen. */
export function thresholdOf({ floor, multiplier, baseline }: { floor: bigint; multiplier: number; baseline: Fraction }): number {
  const scaled = roundHalfUp({ numerator: toThousandths(multiplier) * baseline.numerator, denominator: 1000n * baseline.denominator });
  return Number(scaled > floor ? scaled : floor);
}

/** A fraction rounded half up (away from zero at .5) to an integer. */
export function roundHalfUp({ numerator, denominator }: Fraction): bigint {
  const sign = numerator < 0n !== denominator < 0n ? -1n : 1n;
  const [n, d] = [numerator < 0n ? -numerator : numerator, denominator < 0n ? -denominator : denominator];
  return sign * ((2n * n + d) / (2n * d));
}
