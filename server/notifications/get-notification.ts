import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';

/** One inbox row as evidence: its raw body and headers with the verdict. */
export async function getNotification({ db, id }: { db: Db; id: string }) {
  const row = await db.providerNotification.findUnique({ where: { id } });
  if (!row) throw new AppError('not_found', `Notification ${id} not found`);
  const headers = row.headers && typeof row.headers === 'object' && !Array.isArray(row.headers) ? row.headers : {};
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
    rawBody: row.rawBody,
    headers,
    receivedCount: row.receivedCount,
    receivedAt: row.receivedAt.toISOString(),
    lastReceivedAt: row.lastReceivedAt.toISOString(),
  };
}
