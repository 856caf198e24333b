import type { z } from 'zod';
import type { ProviderNotification } from '@/generated/prisma/client';
import type { Db } from '@/lib/db/prisma';
import { decodeCursor, encodeCursor } from '@/lib/pagination/keyset-cursor';
import type { listNotificationsQuerySchema } from '@/contracts/notifications';

type ListNotifications = { db: Db; query: z.output<typeof listNotificationsQuerySchema> };

function toListItem(row: Omit<ProviderNotification, 'rawBody' | 'headers'>) {
  return {
    id: row.id,
    provider: row.provider,
    kind: row.kind,
    outcome: row.outcome,
    reason: row.reason,
    source: row.source,
    paymentId: row.paymentId,
    attemptId: row.attemptId,
    notificationId: row.notificationId,
    receivedCount: row.receivedCount,
    receivedAt: row.receivedAt.toISOString(),
    lastReceivedAt: row.lastReceivedAt.toISOString(),
  };
}

/**
 * The inbox newest first by (receivedAt, id), keyset-paginated; each filter (provider, kind, outcome) has an index led
 * by it and ending in (receivedAt desc, id desc). Raw bodies stay out of the list: one row at a time carries them.
 */
export async function listNotifications({ db, query }: ListNotifications) {
  const cursor = decodeCursor(query.cursor);
  const rows = await db.providerNotification.findMany({
    where: {
      AND: [
        query.provider ? { provider: query.provider } : {},
        query.kind ? { kind: query.kind } : {},
        query.outcome ? { outcome: query.outcome } : {},
        query.since || query.until
          ? { receivedAt: { gte: query.since ? new Date(query.since) : undefined, lt: query.until ? new Date(query.until) : undefined } }
          : {},
        // The lte bound lets the index start at the cursor (see afterCursor).
        cursor ? { receivedAt: { lte: cursor.createdAt }, OR: [{ receivedAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }] } : {},
      ],
    },
    omit: { rawBody: true, headers: true },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ createdAt: last.receivedAt, id: last.id }) : null;
  return { items: items.map(toListItem), nextCursor };
}
