import { consumeLimit } from './consume-limit';

/**
 * Counts a callback that failed verification against its provider and source address
 * (RATE_LIMIT_REJECTED_CALLBACKS_PER_MINUTE) and against the provider in all (…_TOTAL_PER_MINUTE, which holds even
 * when a sender varies its address); throws the 429 once either is spent. Only refused callbacks are counted.
 */
export async function limitRejectedCallback({ provider, source }: { provider: string; source: string }): Promise<void> {
  await consumeLimit('rejected_callbacks', `${provider}:${source}`);
  await consumeLimit('rejected_callbacks_total', provider);
}
