import type { Db } from '@/lib/db/prisma';
import { toAppError } from '@/lib/http/error-response';
import { getMetrics } from '@/lib/metrics/metrics';
import { limitRejectedCallback } from '@/lib/rate-limit/limit-rejected-callback';
import type { ProviderName } from '@/server/providers/provider-notification';
import { getBoss } from '@/lib/queue/boss';
import { applyRefundNotification } from '@/server/refunds/apply-refund-notification';
import { groupCommitFor } from './group-commit';
import { findNotifiedAttempt } from './find-notified-attempt';
import { raiseIntakeAlert } from './raise-intake-alert';
import { evidenceHeaders, recordNotification } from './record-notification';
import { recordRejectedCallback } from './record-rejected-callback';
import { verifyCallback } from './verify-callback';

type Ingest = {
  db: Db;
  provider: ProviderName;
  rawBody: string;
  headers: Headers;
  /** The sender's address (lib/rate-limit/source-address.ts). */
  source: string;
  now?: Date;
};

export type IngestResult =
  { accepted: true; outcome: 'applied' | 'duplicate' | 'recorded' } | { accepted: false; status: number; reason: string };

const unverifiedExcerptChars = 2_048;

/** DESIGN §4 Ingest: verify → parse → look up → check amount → one transaction → answer. */
export async function ingestCallback({ db, provider, rawBody, headers, source, now }: Ingest): Promise<IngestResult> {
  const evidence = { rawBody, headers: evidenceHeaders(headers) };
  const base = { ...evidence, provider, paymentId: null, notificationId: null, dedupeKey: null };

  let notification;
  try {
    notification = await verifyCallback({ db, provider, rawBody, headers, now });
  } catch (error) {
    const appError = toAppError(error);
    // Anyone can send these: count every one, keep a sampled excerpt, and limit the sender's address. A callback
    // that verifies never reaches this path, so a genuine burst from a limited address is still taken.
    const excerpt = rawBody.length > unverifiedExcerptChars ? `${rawBody.slice(0, unverifiedExcerptChars)}…` : rawBody;
    await recordRejectedCallback({
      db,
      provider,
      source,
      code: appError.code,
      message: appError.message,
      evidence: { ...evidence, rawBody: excerpt },
    });
    getMetrics().rejectedCallbacks.inc({ provider, reason: appError.code });
    await limitRejectedCallback({ provider, source });
    return { accepted: false, status: appError.status, reason: appError.message };
  }

  if (notification.kind === 'refund') {
    return applyRefundNotification({ db, boss: await getBoss(), notification, evidence });
  }

  const match = await findNotifiedAttempt(db, notification);
  if (!match.found) {
    await db.$transaction(async (tx) => {
      await recordNotification(tx, {
        ...base,
        kind: 'payment',
        outcome: 'rejected',
        reason: match.message,
        paymentId: match.paymentId,
        notificationId: notification.notificationId,
      });
      await raiseIntakeAlert({
        tx,
        kind: match.reason,
        merchantId: match.merchantId,
        paymentId: match.paymentId,
        notification,
        message: match.message,
      });
    });
    return { accepted: false, status: match.reason === 'unknown_payment' ? 404 : 422, reason: match.message };
  }

  if (!notification.paid) {
    const { inserted } = await recordNotification(db, {
      ...base,
      kind: 'payment',
      outcome: 'recorded',
      paymentId: match.attempt.paymentId,
      attemptId: match.attempt.id,
      notificationId: notification.notificationId,
      dedupeKey: `state:${notification.providerTransactionId}:${notification.tradeState}`,
      reason: `provider reports ${notification.tradeState}`,
    });
    return { accepted: true, outcome: inserted ? 'recorded' : 'duplicate' };
  }

  const groupCommit = groupCommitFor(db, await getBoss());
  const { id: attemptId, paymentId } = match.attempt;
  const outcome = await groupCommit.apply({ notification, attemptId, paymentId, source: 'callback', exchangeId: null, ...evidence });
  return { accepted: true, outcome };
}
