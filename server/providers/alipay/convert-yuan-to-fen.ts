import { AppError } from '@/lib/errors';

// At most 13 integer digits keeps the result a safe integer; no floats touch the amount.
const yuan = /^(0|[1-9]\d{0,12})(?:\.(\d{1,2}))?$/;

export function convertYuanToFen(value: string, field: string): number {
  const match = yuan.exec(value);
  if (match === null) {
    throw new AppError(
      'validation_failed',
      `${field} "${value.slice(0, 32)}" is not a yuan amount (digits with at most 2 decimals, e.g. 12.30)`,
    );
  }
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
