import { currencyMinorDigits } from '@/lib/format/currency-minor-digits';
import { minorUnitsToDecimal } from '@/lib/format/minor-units-to-decimal';

export type FormatMoneyOptions = {
  /** 'always' shows "+¥1.00" (a change); the default shows a sign only when negative. */
  signDisplay?: 'auto' | 'always' | 'exceptZero' | 'never';
  /** 'compact' for chart axes: "¥1.2M". Never for amounts a person reconciles. */
  notation?: 'standard' | 'compact';
  /** Drop ".00" on whole amounts (chart ticks); the default always shows the minor digits. */
  trimZeroFraction?: boolean;
};

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, digits: number, options: FormatMoneyOptions): Intl.NumberFormat {
  const key = `${currency}|${digits}|${options.signDisplay}|${options.notation}|${options.trimZeroFraction}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const compact = options.notation === 'compact';
    formatter = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      signDisplay: options.signDisplay ?? 'auto',
      notation: options.notation ?? 'standard',
      minimumFractionDigits: compact ? 0 : digits,
      maximumFractionDigits: compact ? 1 : digits,
      ...(options.trimZeroFraction && !compact ? { trailingZeroDisplay: 'stripIfInteger' } : {}),
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * An amount in integer minor units (fen) as money: formatMoney(1234) → "¥12.34", formatMoney(-1, 'CNY') → "-¥0.01",
 * formatMoney(500, 'JPY') → "¥500". The amount becomes an exact decimal string before Intl sees it (Intl formats
 * strings without rounding through a float), so 2147483647 fen is "¥21,474,836.47" exactly.
 */
export function formatMoney(amount: number | bigint, currency = 'CNY', options: FormatMoneyOptions = {}): string {
  const digits = currencyMinorDigits(currency);
  // Intl's typings predate string input (ECMA-402 "Intl.NumberFormat v3"); every supported runtime accepts it.
  const decimal = minorUnitsToDecimal(amount, digits) as unknown as number;
  return formatterFor(currency, digits, options).format(decimal);
}
