import type { PgBoss } from 'pg-boss';
import type { Db, Tx } from '@/lib/db/prisma';
import { notifyChanges } from '@/lib/live/notify-changes';
import { AppError } from '@/lib/errors';
import { getBoss } from '@/lib/queue/boss';
import { eventTopics } from '@/lib/queue/jobs';
import { publishEvents } from '@/lib/queue/send-job';
import { toMerchantView } from './to-merchant-view';

export type StatusChange = {
  db: Db;
  merchantId: string;
  reason: string;
  actor: string;
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
  const { db, merchantId, reason, actor, source, alertId, to } = change;
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

export function blockMerchant(change: StatusChange) {
  return setMerchantStatus({ ...change, to: 'blocked' });
}

export function unblockMerchant(change: StatusChange) {
  return setMerchantStatus({ ...change, to: 'active' });
}
