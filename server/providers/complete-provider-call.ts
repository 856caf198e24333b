import type { ProviderFailure, ProviderResult } from './provider-client';
import type { ProviderExchangeDraft } from './draft-provider-exchange';

/**
 * Seals an exchange with what we made of it. An untrusted answer is `rejected` (an answer came, but we will not act
 * on it); unavailable and refused are `failed` (no usable answer, or the provider said no).
 */
export function completeProviderCall<T>(
  draft: ProviderExchangeDraft,
  outcome: { value: T } | { failure: ProviderFailure },
): ProviderResult<T> {
  if ('value' in outcome) return { ok: true, value: outcome.value, exchange: { ...draft, verdict: 'ok', reason: null } };
  const { failure } = outcome;
  const reason = failure.code === null ? failure.message : `${failure.code}: ${failure.message}`;
  const verdict = failure.kind === 'untrusted' ? 'rejected' : 'failed';
  return { ok: false, failure, exchange: { ...draft, verdict, reason } };
}
