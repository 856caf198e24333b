import type { z } from 'zod';
import type { AuditEvent } from '@/generated/prisma/client';
import type { Db } from '@/lib/db/prisma';
import { afterCursor, decodeCursor, pageOf } from '@/lib/pagination/keyset-cursor';
import type { listAuditEventsQuerySchema } from '@/contracts/audit';

type ListAuditEvents = { db: Db; query: z.output<typeof listAuditEventsQuerySchema> };

export function toAuditEventView(event: AuditEvent) {
  return {
    id: event.id,
    actor: event.actor,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    merchantId: event.merchantId,
    reason: event.reason,
    before: event.before ?? null,
    after: event.after ?? null,
    createdAt: event.createdAt.toISOString(),
  };
}

/**
 * Newest first by (createdAt, id), keyset-paginated. Each filter has its index led by it (actor, action, merchant,
 * subject) and ending in (createdAt desc, id desc), so a page costs the same however deep it is.
 */
export async function listAuditEvents({ db, query }: ListAuditEvents) {
  const cursor = decodeCursor(query.cursor);
  const rows = await db.auditEvent.findMany({
    where: {
      AND: [
        query.actor ? { actor: query.actor } : {},
        query.action ? { action: query.action } : {},
        query.merchantId ? { merchantId: query.merchantId } : {},
        query.subjectType ? { subjectType: query.subjectType } : {},
        query.subjectId ? { subjectId: query.subjectId } : {},
        query.since || query.until
          ? { createdAt: { gte: query.since ? new Date(query.since) : undefined, lt: query.until ? new Date(query.until) : undefined } }
          : {},
        afterCursor(cursor),
      ],
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = pageOf(rows, query.limit);
  return { items: page.items.map(toAuditEventView), nextCursor: page.nextCursor };
}
