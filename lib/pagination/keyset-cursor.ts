import { z } from 'zod';
import { AppError } from '@/lib/errors';

/** Keyset pagination over (createdAt desc, id desc): the cursor names the last row of the page before. */
export type Cursor = { createdAt: Date; id: string };

export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

// Only what encodeCursor writes: a millisecond ISO time PostgreSQL can hold and a row id (uuid), so a crafted cursor
// never reaches the database.
const cursorSchema = z.tuple([z.iso.datetime({ precision: 3 }), z.uuid()]);

export function decodeCursor(cursor: string | undefined): Cursor | undefined {
  if (!cursor) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success) throw new AppError('validation_failed', 'cursor is not one this API gave out');
  const [createdAt, id] = parsed.data;
  return { createdAt: new Date(createdAt), id };
}

/**
 * The Prisma condition for "after the cursor" in (createdAt desc, id desc) order. The `lte` bound comes first so an
 * index on (…, createdAt desc, id desc) starts its range at the cursor; the OR alone would make it read every row
 * from the newest down to the cursor, so a deep page would cost as much as all the pages before it.
 */
export function afterCursor(cursor: Cursor | undefined) {
  if (!cursor) return {};
  return { createdAt: { lte: cursor.createdAt }, OR: [{ createdAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }] };
}

export function pageOf<T extends { createdAt: Date; id: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
