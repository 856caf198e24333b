import type { PgBoss } from 'pg-boss';
import type { Db, Tx } from '@/lib/db/prisma';
import { blockMerchant } from '@/server/merchants/set-merchant-status';
import type { AutoBlockPolicy } from './auto-block-policy';

type AutoBlock = {
  db: Db;
  tx: Tx;
  boss: PgBoss;
  merchantId: string;
  alertId: string;
  ruleName: string;
  paidAt: Date;
  policy: AutoBlockPolicy;
};

export type AutoBlockDecision = { blocked: boolean; reason: string; signals?: string[] };

// One lock for every auto-block decision, so two workers cannot both see the hourly cap one short of full.
const capLock = 0x7269736b; // 'risk'

/**
 * Blocks the merchant of a `block` rule's hit when the policy allows, through the one block operation and inside
 * the transaction that opened the alert: the alert, the block, its audit row and `merchant.blocked` commit together.
 */
export async function autoBlockMerchant({
  db,
  tx,
  boss,
  merchantId,
  alertId,
  ruleName,
  paidAt,
  policy,
}: AutoBlock): Promise<AutoBlockDecision> {
  if (!policy.enabled) return { blocked: false, reason: 'auto-block is switched off (RISK_AUTOBLOCK_ENABLED)' };
  // Second signal: other enabled rules that hit this merchant within the window, by event time; dismissed alerts
  // were judged false by a person and do not count. This event's own hits were written just before, in this transaction.
  const since = new Date(paidAt.getTime() - policy.signalWindowMinutes * 60_000);
  // The cap lock is taken with the signals, one round trip: whatever the signals say, this transaction is about to
  // decide, and holding the lock a little longer than needed costs nothing on a path this rare.
  const [{ signals }] = await tx.$queryRaw<{ signals: string[] }[]>`
    SELECT pg_advisory_xact_lock(${capLock})::text AS locked, coalesce(array_agg(DISTINCT r.name ORDER BY r.name), '{}') AS signals
    FROM risk_alert a JOIN risk_rule r ON r.id = a.rule_id
    WHERE a.merchant_id = ${merchantId}::uuid AND r.enabled AND a.status <> 'dismissed' AND a.last_event_at >= ${since}::timestamptz`;
  if (signals.length < policy.minSignals) {
    return {
      blocked: false,
      signals,
      reason: `${signals.length} of the ${policy.minSignals} agreeing rules needed within ${policy.signalWindowMinutes} min`,
    };
  }
  const [recent] = await tx.$queryRaw<{ blocks: number; unblocks: number }[]>`
    SELECT
      (SELECT count(*)::int FROM merchant_block_event WHERE source = 'risk' AND action = 'blocked' AND created_at > now() - interval '1 hour') AS blocks,
      (SELECT count(*)::int FROM merchant_block_event WHERE merchant_id = ${merchantId}::uuid AND action = 'unblocked'
        AND created_at > now() - make_interval(mins => ${policy.unblockGraceMinutes}::int)) AS unblocks`;
  if (recent.unblocks > 0)
    return { blocked: false, signals, reason: `a person unblocked this merchant within the last ${policy.unblockGraceMinutes} min` };
  if (recent.blocks >= policy.maxPerHour) {
    return {
      blocked: false,
      signals,
      reason: `auto-block cap reached: ${recent.blocks} merchants auto-blocked in the last hour (max ${policy.maxPerHour})`,
    };
  }
  const reason = `auto-blocked by rule ${ruleName}; agreeing rules: ${signals.join(', ')}`;
  await blockMerchant({ db, tx, boss, merchantId, reason, actor: 'risk-engine', source: 'risk', alertId });
  // The alert row is this transaction's already (it was just opened or folded into), so its status cannot move under us.
  const { status: fromStatus } = await tx.riskAlert.findUniqueOrThrow({ where: { id: alertId }, select: { status: true } });
  const decidedAt = new Date();
  await tx.riskAlert.update({
    where: { id: alertId },
    data: { status: 'blocked', decidedAt, decidedBy: 'risk-engine', decisionReason: reason, openKey: null },
  });
  await tx.riskAlertDecision.create({
    data: { alertId, fromStatus, decision: 'blocked', actor: 'risk-engine', reason, createdAt: decidedAt },
  });
  return { blocked: true, signals, reason };
}
