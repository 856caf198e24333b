import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import type { OrderStatus, ProviderClient } from '@/server/providers/provider-client';
import { recordProviderExchange } from '@/server/providers/record-provider-exchange';
import { endAttempt } from './end-attempt';
import type { LeasedAttempt, LookOutcome } from './leased-attempt';
import type { LifecycleSettings } from './lifecycle-settings';
import { queryAttempt, type QueryAnswer } from './query-attempt';
import { recordLook } from './record-look';
import { settleQueriedPayment } from './settle-queried-payment';

type LookAtAttempt = { db: Db; boss: PgBoss; client: ProviderClient; attempt: LeasedAttempt; settings: LifecycleSettings };

/**
 * One look at an attempt whose lease this worker holds (DESIGN §9). Before its expiry (confirm pending): query it; a
 * paid answer settles it, a closed or failed one ends it, anything else schedules the next look. Past its expiry
 * (close expired): query first; still unpaid, mark it closing, close it at the provider and query again. Only a
 * provider that says closed closes the attempt (or, after our close, knows no such order: nothing can pay it), and
 * a success at any step wins over the close.
 */
export async function lookAtAttempt({ db, boss, client, attempt, settings }: LookAtAttempt): Promise<LookOutcome> {
  const open = attempt.status === 'pending' || attempt.status === 'closing';
  const closing = attempt.status === 'closing' || (attempt.status === 'pending' && attempt.expiresAt <= new Date());
  const first = await queryAttempt({ db, boss, client, attempt });
  const unresolved = (answer: QueryAnswer, outcome: LookOutcome) =>
    recordLook({ db, boss, attempt, settings, outcome, providerState: answer.answered ? tradeStateOf(answer.status) : null });

  if (!first.answered) return unresolved(first, first.untrusted ? 'untrusted_answer' : 'query_failed');
  const unpaid = first.status.state === 'pending' || first.status.state === 'not_found';
  if (!closing || !open || !unpaid) return apply(first, false);

  await db.paymentAttempt.updateMany({ where: { id: attempt.id, status: 'pending' }, data: { status: 'closing' } });
  const closingAttempt = { ...attempt, status: 'closing' as const };
  const close = await client.closeOrder({ providerTradeNo: attempt.providerTradeNo });
  await recordProviderExchange(db, close.exchange, { attemptId: attempt.id });
  // Refused (WeChat ORDERPAID, Alipay ACQ.TRADE_STATUS_ERROR …): the query below says why.
  if (!close.ok && close.failure.kind !== 'refused') {
    return recordLook({ db, boss, attempt: closingAttempt, settings, outcome: 'close_failed', providerState: null });
  }
  const second = await queryAttempt({ db, boss, client, attempt: closingAttempt });
  if (!second.answered) {
    return recordLook({
      db,
      boss,
      attempt: closingAttempt,
      settings,
      outcome: second.untrusted ? 'untrusted_answer' : 'query_failed',
      providerState: null,
    });
  }
  return apply(second, true, closingAttempt);

  async function apply(answer: Extract<QueryAnswer, { answered: true }>, afterClose: boolean, current = attempt): Promise<LookOutcome> {
    const { status } = answer;
    if (status.state === 'paid') {
      const outcome = await settleQueriedPayment({
        db,
        boss,
        attempt: current,
        status,
        exchange: answer.exchange,
        exchangeId: answer.exchangeId,
      });
      if (outcome !== 'amount_mismatch') return outcome;
      return recordLook({ db, boss, attempt: current, settings, outcome, providerState: status.tradeState });
    }
    if (status.state === 'closed' || status.state === 'failed' || (status.state === 'not_found' && afterClose)) {
      const ended = await endAttempt({
        db,
        attempt: current,
        status: status.state === 'failed' ? 'failed' : 'closed',
        providerState: status.tradeState,
      });
      if (ended) return status.state === 'failed' ? 'failed' : 'closed';
    }
    const outcome = !open ? (attempt.status as 'closed' | 'failed') : afterClose ? 'closing' : 'still_pending';
    return recordLook({ db, boss, attempt: current, settings, outcome, providerState: status.tradeState });
  }
}

function tradeStateOf(status: OrderStatus): string {
  return status.tradeState;
}
