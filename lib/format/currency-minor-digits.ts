const cache = new Map<string, number>();

/** How many minor-unit digits a currency has (CNY 2, JPY 0, KWD 3), as Intl knows it (ISO 4217). */
export function currencyMinorDigits(currency: string): number {
  let digits = cache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    cache.set(currency, digits);
  }
  return digits;
}
