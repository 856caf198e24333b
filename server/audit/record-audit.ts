import type { Prisma } from '@/generated/prisma/client';
import type { Tx } from '@/lib/db/prisma';
import type { Principal } from '@/lib/auth/principal';

export type AuditEntry = {
  /** Who did it: a principal (its `actor`), or a system actor such as `risk-engine`. */
  actor: Principal | string;
  /** `<subject>.<verb>`, e.g. `merchant.block`, `risk_alert.decide`, `user.create`. */
  action: string;
  subjectType: string;
  subjectId: string;
  merchantId?: string | null;
  reason?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

/**
 * The one writer of the append-only audit trail (DESIGN §3: every human action names its person). Called with the
 * transaction of the action it records, so the action and its record commit together or not at all.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry) {
  return tx.auditEvent.create({
    data: {
      actor: typeof entry.actor === 'string' ? entry.actor : entry.actor.actor,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      merchantId: entry.merchantId ?? null,
      reason: entry.reason ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
