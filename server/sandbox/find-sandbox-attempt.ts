import { withinScope } from '@/lib/auth/merchant-scope';
import type { Principal } from '@/lib/auth/principal';
import type { Db, Tx } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';

type FindSandboxAttempt = { db: Db | Tx; paymentId: string; principal: Principal | null; providerTradeNo?: string };

/** The sandbox attempt of a payment the shopper acts on: the one named, else the latest pending, else the latest. */
export async function findSandboxAttempt({ db, paymentId, principal, providerTradeNo }: FindSandboxAttempt) {
  const payment = withinScope(
    principal,
    await db.payment.findUnique({ where: { id: paymentId }, include: { attempts: { orderBy: { createdAt: 'desc' } } } }),
    `Payment ${paymentId}`,
  );
  const sandbox = payment.attempts.filter((attempt) => attempt.provider === 'sandbox');
  const attempt = providerTradeNo
    ? sandbox.find((candidate) => candidate.providerTradeNo === providerTradeNo)
    : (sandbox.find((candidate) => candidate.status === 'pending') ?? sandbox[0]);
  if (!attempt) {
    throw new AppError(
      'not_found',
      providerTradeNo
        ? `Sandbox attempt ${providerTradeNo} of payment ${paymentId} not found`
        : `Payment ${paymentId} has no sandbox order`,
    );
  }
  return attempt;
}
