import type { PgBoss } from 'pg-boss';
import type { z } from 'zod';
import { withinScope } from '@/lib/auth/merchant-scope';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { jobs } from '@/lib/queue/jobs';
import { upsertJob } from '@/lib/queue/send-job';
import type { clientResultBodySchema } from '@/contracts/payments';

type RecordClientResult = {
  db: Db;
  boss: PgBoss;
  paymentId: string;
  principal: Principal | null;
  report: z.output<typeof clientResultBodySchema>;
};

/**
 * The shopper's app says how paying went (DESIGN §9). Kept as evidence, never trusted: no status changes here.
 * Instead the provider is asked at once about every attempt not yet paid (a forced look, by job), so a real
 * payment whose callback is slow or lost settles in seconds, through the same verified path as any query.
 */
export async function recordClientResult({ db, boss, paymentId, principal, report }: RecordClientResult) {
  const payment = withinScope(
    principal,
    await db.payment.findUnique({ where: { id: paymentId }, include: { attempts: { where: { status: { not: 'succeeded' } } } } }),
    `Payment ${paymentId}`,
  );
  const attempts = payment.attempts.map((attempt) => attempt.id);
  const stored = await db.$transaction(async (tx) => {
    const row = await tx.clientResult.create({
      data: { paymentId, status: report.status, raw: report.raw === undefined ? undefined : JSON.parse(JSON.stringify(report.raw)) },
    });
    // A look already waiting for an attempt is moved to now; otherwise one is queued.
    for (const attemptId of attempts) {
      await upsertJob(boss, jobs.checkAttempt, { attemptId, force: true }, { tx, singletonKey: attemptId, startAfter: new Date() });
    }
    return row;
  });
  return {
    id: stored.id,
    paymentId,
    status: report.status,
    paymentStatus: payment.status,
    queriedAttempts: payment.attempts.map((attempt) => attempt.providerTradeNo),
    receivedAt: stored.receivedAt.toISOString(),
  };
}
