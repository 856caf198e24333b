/**
 * Integer minor units as an exact decimal string: (1234, 2) → "12.34", (-5, 2) → "-0.05", (500, 0) → "500".
 * Only digits are moved; no float ever holds the amount.
 */
export function minorUnitsToDecimal(amount: number | bigint, digits: number): string {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) {
    throw new RangeError(`an amount in minor units must be a safe integer, got ${amount}`);
  }
  const value = BigInt(amount);
  const negative = value < 0n;
  const magnitude = (negative ? -value : value).toString().padStart(digits + 1, '0');
  const whole = magnitude.slice(0, magnitude.length - digits);
  const fraction = digits > 0 ? `.${magnitude.slice(magnitude.length - digits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}
