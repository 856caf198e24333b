import { currencyMinorDigits } from '@/lib/format/currency-minor-digits';

const MAX_MINOR_UNITS = BigInt(Number.MAX_SAFE_INTEGER);
const amountPattern = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

/**
 * What a person typed in major units ("12.5", "¥1,234.50", " 3 ") as integer minor units (1250, 123450, 300), or
 * null when it is not an amount: letters, a minus sign, more decimals than the currency has (a third for CNY), too
 * large. Digits only, no floats.
 */
export function parseMoneyInput(text: string, currency = 'CNY'): number | null {
  const digits = currencyMinorDigits(currency);
  const match = amountPattern.exec(text.trim().replace(/^(?:[¥$€£]|[A-Z]{3})\s*/u, ''));
  if (!match) return null;
  const whole = match[1].replace(/,/g, '');
  const fraction = match[2] ?? '';
  if ((whole === '' && fraction === '') || fraction.length > digits) return null;
  const minor = BigInt(whole || '0') * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  return minor > MAX_MINOR_UNITS ? null : Number(minor);
}
