import type { Tx } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';

type LifecycleAlert = {
  tx: Tx;
  kind: 'attempt_unresolved' | 'untrusted_provider_answer' | 'duplicate_payment' | 'late_payment';
  attemptId: string;
  merchantId: string;
  paymentId: string;
  evidence: Record<string, unknown>;
};

/**
 * Raises an alert for a person about one attempt. At most one live alert per kind and attempt (its open key), so a
 * scheduler that meets the same problem on every pass, or a retried job, raises it once.
 */
export async function raiseLifecycleAlert({ tx, kind, attemptId, merchantId, paymentId, evidence }: LifecycleAlert): Promise<boolean> {
  const [alert] = await tx.riskAlert.createManyAndReturn({
    data: { kind, merchantId, paymentId, openKey: `${kind}:${attemptId}`, evidence: { attemptId, ...evidence } },
    skipDuplicates: true,
    select: { id: true },
  });
  if (alert) await notifyChanges(tx, [{ kind: 'alert', id: alert.id, merchantId }]);
  return alert !== undefined;
}
