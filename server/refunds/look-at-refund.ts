import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { logger } from '@/lib/logger';
import type { LifecycleSettings } from '@/server/lifecycle/lifecycle-settings';
import { getProviderClient } from '@/server/providers/get-provider-client';
import { recordProviderExchange } from '@/server/providers/record-provider-exchange';
import { applyRefundAnswer } from './apply-refund-answer';
import type { LeasedRefund } from './leased-refund';
import type { RefundOutcome } from './refund-outcome';
import { submitRefund } from './submit-refund';

type LookAtRefund = { db: Db; boss: PgBoss; refund: LeasedRefund; settings: LifecycleSettings };

/**
 * One look at a refund whose lease this worker holds. Not yet taken by the provider (we crashed between reserving
 * and submitting, or the provider was away): submit it, with the same number. Taken: query it; a provider that
 * knows no such refund never got it (Alipay forgets one that failed), so it is submitted again, with the same
 * number. A look that throws (no client for the provider, the database away) leaves the lease to run out.
 */
export async function lookAtRefund({ db, boss, refund, settings }: LookAtRefund): Promise<RefundOutcome> {
  try {
    const client = getProviderClient({ db, boss, provider: refund.attempt.provider });
    if (!refund.submittedAt) return await submitRefund({ db, boss, client, refund, settings });
    const result = await client.queryRefund({
      providerTradeNo: refund.attempt.providerTradeNo,
      providerRefundNo: refund.providerRefundNo,
      amount: refund.amount,
    });
    await recordProviderExchange(db, result.exchange, { attemptId: refund.attemptId, refundId: refund.id });
    if (result.ok && result.value.state === 'not_found') return await submitRefund({ db, boss, client, refund, settings });
    return await applyRefundAnswer({ db, boss, refund, settings, result, call: 'query' });
  } catch (error) {
    logger.warn({ err: error, refundId: refund.id }, 'refund look failed; it will be looked at again');
    return 'error';
  }
}
