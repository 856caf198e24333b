import type { z } from 'zod';
import type { Db, Tx } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { evaluateRule } from './evaluate-rule';
import type { backtestBodySchema } from '@/contracts/risk';
import { ruleDefinitionSchema, type RuleDefinition } from '@/contracts/risk-rules';
import { createRiskState } from './risk-state';

type BacktestRule = { db: Db; input: z.output<typeof backtestBodySchema>; maxPayments?: number };

type PaidRow = { id: string; merchantId: string; amount: number; paidAt: Date; payer: string | null; device: string | null };
type WouldBe = { merchantId: string; paymentId: string; eventAt: string; hitCount: number; evidence: Record<string, unknown> };

const paidStatuses = ['succeeded', 'refunded', 'partially_refunded'];

/**
 * Replays past payments through one rule and reports the alerts it would have opened. It runs in a READ ONLY
 * transaction: PostgreSQL itself refuses any write, so a backtest cannot change a row whatever the code does.
 */
export async function backtestRule({ db, input, maxPayments = 200_000 }: BacktestRule) {
  const from = new Date(input.from);
  const to = new Date(input.to);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET TRANSACTION READ ONLY`;
      const rule = input.rule ?? (await storedRule(tx, input.ruleId!));
      const windowMinutes = 'windowMinutes' in rule.params ? rule.params.windowMinutes : 1;
      const warmUp = new Date(from.getTime() - windowMinutes * 60_000);
      const merchant = input.merchantId ?? null;
      // Each merchant's history before the range, for the baselines, in one aggregate.
      const history = await tx.$queryRaw<{ merchantId: string; firstPaidAt: Date; paymentCount: number; amountTotal: string }[]>`
      SELECT merchant_id::text AS "merchantId", min(paid_at) AS "firstPaidAt", count(*)::int AS "paymentCount", sum(amount)::text AS "amountTotal"
      FROM payment WHERE paid_at < ${from} AND status::text = ANY(${paidStatuses}) AND (${merchant}::uuid IS NULL OR merchant_id = ${merchant}::uuid)
      GROUP BY merchant_id`;
      const payments = await tx.$queryRaw<PaidRow[]>`
      SELECT id::text, merchant_id::text AS "merchantId", amount, paid_at AS "paidAt", payer, device FROM payment
      WHERE paid_at >= ${warmUp} AND paid_at < ${to} AND status::text = ANY(${paidStatuses}) AND (${merchant}::uuid IS NULL OR merchant_id = ${merchant}::uuid)
      ORDER BY paid_at, id LIMIT ${maxPayments + 1}`;
      if (payments.length > maxPayments)
        throw new AppError('validation_failed', `The range holds more than ${maxPayments} payments; narrow it or name a merchant`);

      const simulation = createRiskState({ windowMinutes });
      simulation.load({
        profiles: history.map(({ merchantId, amountTotal, ...profile }) => ({
          merchantId,
          profile: { ...profile, amountTotal: BigInt(amountTotal) },
        })),
        buckets: [],
        parties: [],
      });
      const alerts = new Map<string, WouldBe>();
      let evaluated = 0;
      let hits = 0;
      const replayedRule = { ...rule, id: 'backtest', name: 'backtest', action: 'alert' as const };
      for (const payment of payments) {
        // Payments of the warm-up minutes fill the window's buckets; they are already counted in the history.
        const inRange = payment.paidAt >= from;
        simulation.add(payment, inRange);
        if (!inRange) continue;
        evaluated++;
        const hit = evaluateRule({ rule: replayedRule, facts: simulation.factsOf(payment) });
        if (!hit) continue;
        hits++;
        const open = alerts.get(payment.merchantId);
        if (open) open.hitCount++;
        else
          alerts.set(payment.merchantId, {
            merchantId: payment.merchantId,
            paymentId: payment.id,
            eventAt: payment.paidAt.toISOString(),
            hitCount: 1,
            evidence: hit.evidence,
          });
      }
      return {
        rule: { kind: rule.kind, params: rule.params },
        from: from.toISOString(),
        to: to.toISOString(),
        paymentsEvaluated: evaluated,
        hits,
        alerts: [...alerts.values()],
      };
    },
    { timeout: 60_000 },
  );
}

async function storedRule(tx: Tx, ruleId: string): Promise<RuleDefinition> {
  const stored = await tx.riskRule.findUnique({ where: { id: ruleId } });
  if (!stored) throw new AppError('not_found', `Risk rule ${ruleId} not found`);
  return ruleDefinitionSchema.parse({ kind: stored.kind, params: stored.params });
}
