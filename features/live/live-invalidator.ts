import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { LiveChange } from '@/contracts/live';
import { liveQueryRoots, queryKeysFor } from './query-keys';

/**
 * Turns live changes into query invalidations, at most one round every `intervalMs`: at a thousand payments a second
 * the stream brings dozens of events a second, and a list refetched once per round is as fresh as the eye can tell.
 * A query already fetching is not cancelled (cancelling it on every event would starve a list under load) and not
 * counted as done either, since its fetch may have read before the change committed: it is invalidated in a later
 * round, once that fetch has settled.
 */
export class LiveInvalidator {
  private pending = new Map<string, QueryKey>();
  private everything = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly client: QueryClient,
    private readonly intervalMs = 250,
  ) {}

  changed(changes: readonly LiveChange[]): void {
    for (const change of changes) for (const key of queryKeysFor(change)) this.pending.set(hashKey(key), key);
    this.schedule();
  }

  /** Everything live is stale: after a reconnection (events may have been missed) and on each polling round. */
  all(): void {
    this.everything = true;
    this.schedule();
  }

  /** Runs what is pending now; returns when the refetches it started have settled. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const keys = this.everything ? liveQueryRoots.map((root): QueryKey => [root]) : [...this.pending.values()];
    this.pending.clear();
    this.everything = false;
    const settled = keys.map((queryKey) => {
      if (this.client.isFetching({ queryKey }) > 0) this.pending.set(hashKey(queryKey), queryKey);
      return this.client.invalidateQueries({ queryKey, predicate: (query) => query.state.fetchStatus !== 'fetching' });
    });
    if (this.pending.size > 0) this.schedule();
    await Promise.all(settled);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
    this.everything = false;
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => void this.flush(), this.intervalMs);
  }
}
