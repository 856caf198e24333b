import type { PgBoss } from 'pg-boss';
import type { z } from 'zod';
import { assertMerchantInScope } from '@/lib/auth/merchant-scope';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { getBoss } from '@/lib/queue/boss';
import type { createPaymentBodySchema } from '@/contracts/payments';
import { lifecycleSettingsFrom } from '@/server/lifecycle/lifecycle-settings';
import { getProviderClient } from '@/server/providers/get-provider-client';
import type { ProviderClient } from '@/server/providers/provider-client';
import { getPayment } from './get-payment';
import { openPaymentAttempt } from './open-payment-attempt';
import { recordOrderPlaced } from './record-order-placed';

type CreatePayment = {
  db: Db;
  principal: Principal | null;
  input: z.output<typeof createPaymentBodySchema>;
  /** The provider to place the order with; by default the one the input names. */
  client?: ProviderClient;
  boss?: PgBoss;
};

/**
 * DESIGN §5 POST /api/payments: opens the payment and a new attempt, places the attempt's order with the provider
 * (outside any transaction: no row lock is held while a provider answers), and keeps the answer. `created` is false
 * when the shopper retried a pending payment. A provider that could not take the order answers 502, and nothing is
 * paid: the attempt is kept as `failed` with its exchange, the payment stays pending for a retry.
 */
export async function createPayment({ db, principal, input, client, boss }: CreatePayment) {
  assertMerchantInScope(principal, input.merchantId);
  const env = getEnv();
  if (input.provider === 'sandbox' && !env.SANDBOX_ENABLED)
    throw new AppError('validation_failed', 'provider sandbox is turned off on this gateway (SANDBOX_ENABLED=false)');
  const queue = boss ?? (await getBoss());
  const settings = lifecycleSettingsFrom(env);
  const expiresAt = new Date(Date.now() + (input.expiresInSeconds ?? env.PAYMENT_EXPIRES_IN_SECONDS) * 1000);
  const { created, paymentId, attempt, provider } = await openPaymentAttempt({
    db,
    boss: queue,
    input,
    expiresAt,
    settings,
    client: () => client ?? getProviderClient({ db, boss: queue, provider: input.provider }),
  });
  const result = await provider.createOrder({
    providerTradeNo: attempt.providerTradeNo,
    amount: attempt.amount,
    currency: attempt.currency,
    description: input.description ?? `Order ${input.outTradeNo}`,
    expiresAt,
    notifyUrl: `${settings.callbackBaseUrl}/api/callbacks/${input.provider}`,
  });
  await recordOrderPlaced({ db, attempt, result });
  if (!result.ok) {
    const { kind, code, message } = result.failure;
    const details = { providerTradeNo: attempt.providerTradeNo, providerCode: code };
    if (kind === 'refused') throw new AppError('provider_refused', `The provider refused the order: ${message}`, details);
    throw new AppError('provider_unavailable', `The provider could not take the order: ${message}`, details);
  }
  const payment = await getPayment({ db, id: paymentId, principal, attemptId: attempt.id });
  return { created, payment };
}
