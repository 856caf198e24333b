import type { PgBoss } from 'pg-boss';
import type { Principal } from '@/lib/auth/principal';
import type { Db, Tx } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import { AppError } from '@/lib/errors';
import { getBoss } from '@/lib/queue/boss';
import { eventTopics } from '@/lib/queue/jobs';
import { publishEvents } from '@/lib/queue/send-job';
import { recordAudit } from '@/server/audit/record-audit';
import { toMerchantView } from './to-merchant-view';

export type StatusChange = {
  db: Db;
  merchantId: string;
  reason: string;
  /** The caller who asked (its audit name is `principal.actor`), or `risk-engine` for an automatic block. */
  actor: Principal | 'risk-engine';
  source: 'api' | 'dashboard' | 'risk';
  alertId?: string;
  /** Run inside this transaction instead of a new one (risk blocks in the transaction that opens the alert). */
  tx?: Tx;
  /** The queue handle to publish with; the web process's own by default. */
  boss?: PgBoss;
};

/**
 * The one block/unblock operation (API, dashboard and risk all call it): the status change, its
 * audit row and the `merchant.blocked` / `merchant.unblocked` event commit together, and the conditional
 * update makes concurrent calls change it once.
 */
export async function setMerchantStatus(change: StatusChange & { to: 'blocked' | 'active' }) {
  const { db, merchantId, reason, source, alertId, to } = change;
  const actor = typeof change.actor === 'string' ? change.actor : change.actor.actor;
  const from = to === 'blocked' ? 'active' : 'blocked';
  const action = to === 'blocked' ? 'blocked' : 'unblocked';
  const boss = change.boss ?? (await getBoss());
  const apply = async (tx: Tx) => {
    const [merchant] = await tx.merchant.updateManyAndReturn({ where: { id: merchantId, status: from }, data: { status: to } });
    if (!merchant) {
      const current = await tx.merchant.findUnique({ where: { id: merchantId }, select: { status: true } });
      if (!current) throw new AppError('not_found', `Merchant ${merchantId} not found`);
      throw new AppError('conflict', `Merchant ${merchantId} is already ${current.status}`);
    }
    const audit = await tx.merchantBlockEvent.create({ data: { merchantId, action, reason, actor, source, alertId } });
    await recordAudit(tx, {
      actor,
      action: to === 'blocked' ? 'merchant.block' : 'merchant.unblock',
      subjectType: 'merchant',
      subjectId: merchantId,
      merchantId,
      reason,
      before: { status: from },
      after: { status: to, ...(alertId ? { alertId } : {}) },
    });
    // Downstream systems learn of the change exactly when it commits: the event is written in the same transaction.
    const topic = to === 'blocked' ? eventTopics.merchantBlocked : eventTopics.merchantUnblocked;
    await publishEvents(
      boss,
      topic,
      [
        {
          eventId: audit.id,
          type: topic.name,
          timestamp: audit.createdAt.toISOString(),
          data: { merchantId, reason, actor, source, alertId: alertId ?? null },
        },
      ],
      { tx },
    );
    await notifyChanges(tx, [{ kind: 'merchant', id: merchantId, merchantId }]);
    return toMerchantView(merchant);
  };
  return change.tx ? apply(change.tx) : db.$transaction(apply);
}

/** Where a person's change came from, as merchant_block_event records it: the console (a session) or the API. */
export function sourceOf(principal: Principal): 'api' | 'dashboard' {
  return principal.via === 'session' ? 'dashboard' : 'api';
}

export function blockMerchant(change: StatusChange) {
  return setMerchantStatus({ ...change, to: 'blocked' });
}

export function unblockMerchant(change: StatusChange) {
  return setMerchantStatus({ ...change, to: 'active' });
}
