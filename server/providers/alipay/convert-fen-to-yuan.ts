// The exact inverse of convertYuanToFen: integer fen to Alipay's decimal yuan string, by digits, never by division.
export function convertFenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`${fen} is not a whole, non-negative number of fen`);
  const digits = String(fen).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
