// The live view's source (DESIGN §4 Live view): a writer announces what it changed on one PostgreSQL channel, inside
// the transaction that changes it. PostgreSQL delivers a notification only when its transaction commits, so a rolled
// back change is never announced and a committed one always is; listeners hear them in commit order.
//
// How to use it, in any transaction that changes something a person watches (payments, deliveries, alerts,
// merchants, refunds):
//
//   await db.$transaction(async (tx) => {
//     const refund = await tx.refund.update({ … });
//     await notifyChanges(tx, [
//       { kind: 'refund', id: refund.id, merchantId: refund.merchantId },
//       { kind: 'payment', id: refund.paymentId, merchantId: refund.merchantId },
//     ]);
//   });
//
// - Ids only, never rows or amounts: the browser refetches through the API, which authorizes every read.
// - `merchantId` decides who hears it: a merchant's users only hear their own merchant's changes; null (nobody's,
//   e.g. an alert for an unknown payment) reaches staff only.
// - Call it once per transaction with everything the transaction changed: the changes are packed into one
//   notification (split only to stay under PostgreSQL's 8000-byte payload limit), so a batch costs one statement.
// - A writer that changes rows in one statement and no transaction can run `notifyChangesSql(changes)` as the final
//   SELECT of that statement (after its data-modifying CTEs), which is the same thing without a second round trip.
import { Prisma } from '@/generated/prisma/client';
import type { Tx } from '@/lib/db/prisma';
import type { LiveChange } from '@/contracts/live';

export const liveChannel = 'paygate_live';

// PostgreSQL refuses payloads of 8000 bytes or more; the margin leaves room for nothing to go wrong near the edge.
export const maxLivePayloadBytes = 7_500;

const head = '{"changes":[';
const tail = ']}';

/** The notification payloads for `changes`: each distinct change once, as few payloads as the size limit allows. */
export function encodeLiveChanges(changes: readonly LiveChange[]): string[] {
  const seen = new Set<string>();
  const payloads: string[] = [];
  let entries: string[] = [];
  let bytes = head.length + tail.length;
  for (const { kind, id, merchantId } of changes) {
    const key = `${kind}:${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const entry = JSON.stringify({ kind, id, merchantId });
    const size = Buffer.byteLength(entry);
    if (entries.length > 0 && bytes + 1 + size > maxLivePayloadBytes) {
      payloads.push(head + entries.join(',') + tail);
      entries = [];
      bytes = head.length + tail.length;
    }
    bytes += (entries.length > 0 ? 1 : 0) + size;
    entries.push(entry);
  }
  if (entries.length > 0) payloads.push(head + entries.join(',') + tail);
  return payloads;
}

/** A statement (or the final SELECT of one) that announces `changes`; with none it announces nothing. */
export function notifyChangesSql(changes: readonly LiveChange[]): Prisma.Sql {
  return Prisma.sql`SELECT pg_notify(${liveChannel}, payload) FROM unnest(${encodeLiveChanges(changes)}::text[]) AS payload`;
}

/** Announces `changes` when `tx` commits, in one statement. */
export async function notifyChanges(tx: Tx, changes: readonly LiveChange[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.$executeRaw(notifyChangesSql(changes));
}
