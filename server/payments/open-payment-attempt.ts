import type { PgBoss } from 'pg-boss';
import type { z } from 'zod';
import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import type { createPaymentBodySchema } from '@/contracts/payments';
import type { LifecycleSettings } from '@/server/lifecycle/lifecycle-settings';
import type { ProviderClient } from '@/server/providers/provider-client';
import { nextLookAt } from '@/server/lifecycle/next-look-at';
import { scheduleAttemptCheck } from '@/server/lifecycle/schedule-attempt-check';
import { generateProviderTradeNo } from './generate-provider-trade-no';

type OpenPaymentAttempt = {
  db: Db;
  boss: PgBoss;
  input: z.output<typeof createPaymentBodySchema>;
  expiresAt: Date;
  settings: LifecycleSettings;
  /** The provider's client, asked for once the merchant may take the payment (a missing one stores nothing). */
  client: () => ProviderClient;
};

const paidStatuses = new Set(['succeeded', 'partially_refunded', 'refunded']);

/**
 * The part of placing an order that happens before the provider is called, in one transaction: the payment (new,
 * or the merchant's pending one with this outTradeNo, when the shopper retries), a new attempt with a number of
 * ours, and the attempt's first look, so even an order whose placing is cut short is queried. The merchant row is
 * read FOR SHARE, so a concurrent block waits for this or this sees the block: a blocked merchant never gets a new
 * payment or attempt. The payment row is locked, so a retry cannot race the payment's settlement or its closing.
 */
export async function openPaymentAttempt({ db, boss, input, expiresAt, settings, client }: OpenPaymentAttempt) {
  return db.$transaction(async (tx) => {
    const [merchant] = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text FROM merchant WHERE id = ${input.merchantId}::uuid FOR SHARE`;
    if (!merchant) throw new AppError('not_found', `Merchant ${input.merchantId} not found`);
    if (merchant.status === 'blocked') {
      throw new AppError('merchant_blocked', `Merchant ${input.merchantId} is blocked and cannot take new payments`);
    }
    const provider = client();
    const inserted = await tx.payment.createMany({
      data: {
        merchantId: input.merchantId,
        outTradeNo: input.outTradeNo,
        provider: input.provider,
        amount: input.amount,
        currency: input.currency,
        description: input.description,
        expiresAt,
      },
      skipDuplicates: true,
    });
    const [payment] = await tx.$queryRaw<{ id: string; status: string; amount: number; currency: string }[]>`
      SELECT id::text, status::text, amount, currency FROM payment
      WHERE merchant_id = ${input.merchantId}::uuid AND out_trade_no = ${input.outTradeNo} FOR UPDATE`;
    const created = inserted.count === 1;
    if (!created) {
      const which = `Payment ${payment.id} (outTradeNo ${input.outTradeNo})`;
      if (paidStatuses.has(payment.status)) throw new AppError('already_paid', `${which} is already paid`);
      if (payment.status !== 'pending') throw new AppError('conflict', `${which} is ${payment.status}; use a new outTradeNo`);
      if (payment.amount !== input.amount || payment.currency !== input.currency) {
        throw new AppError('conflict', `${which} is for ${payment.amount} ${payment.currency}, not ${input.amount} ${input.currency}`);
      }
      // The shopper tries again, perhaps with another provider: the payment now expires with its newest attempt.
      await tx.$executeRaw`
        UPDATE payment SET expires_at = GREATEST(expires_at, ${expiresAt}), provider = ${input.provider}::"Provider", updated_at = now()
        WHERE id = ${payment.id}::uuid`;
    }
    const now = new Date();
    const firstLook = nextLookAt({
      from: now,
      queryCount: 0,
      expiresAt,
      schedule: settings.querySchedule,
      horizonSeconds: settings.queryHorizonSeconds,
    });
    const attempt = await tx.paymentAttempt.create({
      data: {
        paymentId: payment.id,
        merchantId: input.merchantId,
        providerTradeNo: generateProviderTradeNo(input.provider),
        provider: input.provider,
        amount: input.amount,
        currency: input.currency,
        expiresAt,
        nextQueryAt: firstLook,
        createdAt: now,
      },
    });
    if (firstLook) await scheduleAttemptCheck({ tx, boss, attemptId: attempt.id, at: firstLook });
    return { created, paymentId: payment.id, attempt, provider };
  });
}
