import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import type { LifecycleSettings } from '@/server/lifecycle/lifecycle-settings';
import type { ProviderResult, RefundStatus } from '@/server/providers/provider-client';
import { finishRefund } from './finish-refund';
import type { LeasedRefund } from './leased-refund';
import { recordRefundLook } from './record-refund-look';
import type { RefundOutcome } from './refund-outcome';

type ApplyRefundAnswer = {
  db: Db;
  boss: PgBoss;
  refund: LeasedRefund;
  settings: LifecycleSettings;
  /** Our submission's answer, or our query's (a `not_found` query answer is the caller's to resubmit). */
  result: ProviderResult<RefundStatus>;
  call: 'submit' | 'query';
};

/**
 * Acts on what the provider answered about a refund whose lease this worker holds (DESIGN §9). Succeeded or closed
 * is final; processing and abnormal wait for the next look. A submission the provider refuses (NOT_ENOUGH, a
 * closed order …) fails the refund and releases its reserve. No answer, an untrusted one, or a refused query leaves
 * the refund as it was: the same number is sent, or asked about, again at the next look.
 */
export async function applyRefundAnswer({ db, boss, refund, settings, result, call }: ApplyRefundAnswer): Promise<RefundOutcome> {
  const look = (
    outcome: RefundOutcome,
    seen: Omit<Parameters<typeof recordRefundLook>[0], 'db' | 'boss' | 'refund' | 'settings' | 'outcome'> = {},
  ) => recordRefundLook({ db, boss, refund, settings, outcome, ...seen });
  const finish = async (
    status: 'succeeded' | 'closed' | 'failed',
    facts: Partial<Parameters<typeof finishRefund>[0]>,
    providerState: string,
  ) => {
    const done = await db.$transaction((tx) =>
      finishRefund({ tx, boss, refundId: refund.id, status, providerState, looked: true, ...facts }),
    );
    return done ? status : 'already_final';
  };

  if (!result.ok) {
    const { failure } = result;
    if (failure.kind === 'refused' && call === 'submit') {
      return finish(
        'failed',
        { failureReason: `${failure.code ?? 'refused'}: ${failure.message}`.slice(0, 500) },
        failure.code ?? 'refused',
      );
    }
    if (failure.kind === 'untrusted') return look('untrusted_answer', { problem: failure.message });
    return look(call === 'submit' ? 'submit_failed' : 'query_failed', { providerState: failure.code });
  }
  const status = result.value;
  const facts = { providerRefundId: status.providerRefundId, succeededAt: status.succeededAt };
  switch (status.state) {
    case 'succeeded':
      return finish('succeeded', facts, status.refundState);
    case 'closed':
      return finish('closed', facts, status.refundState);
    case 'abnormal':
      return look('abnormal', {
        taken: true,
        abnormal: true,
        providerState: status.refundState,
        providerRefundId: status.providerRefundId,
      });
    case 'processing':
      return look('processing', { taken: true, providerState: status.refundState, providerRefundId: status.providerRefundId });
    case 'not_found':
      return look(call === 'submit' ? 'submit_failed' : 'query_failed', { providerState: status.refundState });
  }
}
