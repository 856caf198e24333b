import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { toMerchantView } from './to-merchant-view';

export type StatusChange = {
  db: Db;
  merchantId: string;
  reason: string;
  actor: string;
  source: 'api' | 'dashboard' | 'risk';
  alertId?: string;
};

/**
 * The one block/unblock operation (API, dashboard and risk all call it): the status change and its
 * audit row commit together, and the conditional update makes concurrent calls change it once.
 */
export async function setMerchantStatus(change: StatusChange & { to: 'blocked' | 'active' }) {
  const { db, merchantId, reason, actor, source, alertId, to } = change;
  const from = to === 'blocked' ? 'active' : 'blocked';
  return db.$transaction(async (tx) => {
    const updated = await tx.merchant.updateMany({ where: { id: merchantId, status: from }, data: { status: to } });
    const merchant = await tx.merchant.findUnique({ where: { id: merchantId } });
    if (!merchant) throw new AppError('not_found', `Merchant ${merchantId} not found`);
    if (updated.count === 0) throw new AppError('conflict', `Merchant ${merchantId} is already ${merchant.status}`);
    await tx.merchantBlockEvent.create({
      data: { merchantId, action: to === 'blocked' ? 'blocked' : 'unblocked', reason, actor, source, alertId },
    });
    return toMerchantView(merchant);
  });
}

export function blockMerchant(change: StatusChange) {
  return setMerchantStatus({ ...change, to: 'blocked' });
}

export function unblockMerchant(change: StatusChange) {
  return setMerchantStatus({ ...change, to: 'active' });
}
