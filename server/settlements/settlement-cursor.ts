import { z } from 'zod';
import { AppError } from '@/lib/errors';

/** Keyset pagination of settlement rows over (date desc, merchantId desc, currency desc). */
export type SettlementCursor = { date: string; merchantId: string; currency: string };

export function encodeSettlementCursor(row: SettlementCursor): string {
  return Buffer.from(JSON.stringify([row.date, row.merchantId, row.currency])).toString('base64url');
}

// Only what encodeSettlementCursor writes, so a crafted cursor never reaches the database.
const cursorSchema = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.uuid(), z.string().regex(/^[A-Z]{3}$/)]);

export function decodeSettlementCursor(cursor: string | undefined): SettlementCursor | undefined {
  if (!cursor) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success || Number.isNaN(Date.parse(parsed.data[0])))
    throw new AppError('validation_failed', 'cursor is not one this API gave out');
  const [date, merchantId, currency] = parsed.data;
  return { date, merchantId, currency };
}
