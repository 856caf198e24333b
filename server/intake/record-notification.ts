import { v7 as uuidv7 } from 'uuid';
import type { Db, Tx } from '@/lib/db/prisma';
import { storableText } from '@/lib/text/storable-text';
import type { ProviderName } from '@/server/providers/provider-notification';

export type InboxEntry = {
  provider: ProviderName;
  kind: 'payment' | 'refund' | 'unknown';
  outcome: 'applied' | 'duplicate' | 'recorded' | 'rejected';
  dedupeKey: string | null;
  notificationId: string | null;
  reason: string | null;
  paymentId: string | null;
  attemptId?: string | null;
  /** A status query's answer is kept in the inbox like a callback. */
  source?: 'callback' | 'query';
  exchangeId?: string | null;
  rawBody: string;
  headers: Record<string, string>;
};

/**
 * Writes a callback to the inbox. A second copy of an already-stored notification only bumps its
 * counter; `inserted` tells the caller whether this copy is the first.
 */
export async function recordNotification(db: Db | Tx, given: InboxEntry): Promise<{ id: string; inserted: boolean }> {
  const entry = storableEntry(given);
  const [row] = await db.$queryRaw<{ id: string; inserted: boolean }[]>`
    INSERT INTO provider_notification
      (id, provider, kind, dedupe_key, notification_id, outcome, reason, payment_id, attempt_id, source, exchange_id, raw_body, headers)
    VALUES (${uuidv7()}::uuid, ${entry.provider}::"Provider", ${entry.kind}::"NotificationKind", ${entry.dedupeKey},
      ${entry.notificationId}, ${entry.outcome}::"NotificationOutcome", ${entry.reason}, ${entry.paymentId}::uuid,
      ${entry.attemptId ?? null}::uuid, ${entry.source ?? 'callback'}::"InboxSource", ${entry.exchangeId ?? null}::uuid,
      ${entry.rawBody}, ${JSON.stringify(entry.headers)}::jsonb)
    ON CONFLICT (provider, dedupe_key) DO UPDATE
      SET received_count = provider_notification.received_count + 1, last_received_at = now()
    RETURNING id::text, (xmax = 0) AS inserted`;
  return row;
}

/** Evidence is kept as it came, except for the characters PostgreSQL cannot store (a forged body may hold any). */
function storableEntry(entry: InboxEntry): InboxEntry {
  const text = (value: string | null) => (value === null ? null : storableText(value));
  return {
    ...entry,
    dedupeKey: text(entry.dedupeKey),
    notificationId: text(entry.notificationId),
    reason: text(entry.reason),
    rawBody: storableText(entry.rawBody),
    headers: Object.fromEntries(Object.entries(entry.headers).map(([name, value]) => [name, storableText(value)])),
  };
}

const keptHeaders = /^(content-type|content-length|user-agent|x-forwarded-for|wechatpay-.*|request-id)$/i;

/** The headers worth keeping as evidence (never credentials or cookies). */
export function evidenceHeaders(headers: Headers): Record<string, string> {
  return Object.fromEntries([...headers].filter(([name]) => keptHeaders.test(name)));
}
