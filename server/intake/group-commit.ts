import type { PgBoss } from 'pg-boss';
import { MicroBatcher } from '@/lib/batch/micro-batcher';
import type { Db } from '@/lib/db/prisma';
import { logger } from '@/lib/logger';
import { getMetrics } from '@/lib/metrics/metrics';
import { commitPaymentBatch, type ApplyOutcome, type BatchItem } from './commit-payment-batch';

type Item = Omit<BatchItem, 'copies'>;
type Settled = { outcome: ApplyOutcome } | { error: unknown };

/**
 * Group commit: callbacks that arrive while a commit is in flight wait and go into the next one, so the
 * database does a few statements per batch instead of a dozen per callback. Each callback is still
 * answered only after the transaction holding its rows has committed (DESIGN §3 invariant 1). If a
 * batch fails, its callbacks are applied one by one, so one bad callback cannot fail the others.
 */
export class GroupCommit {
  private readonly batcher: MicroBatcher<Item, Settled>;

  constructor(
    private readonly db: Db,
    private readonly boss: PgBoss,
  ) {
    this.batcher = new MicroBatcher((items) => this.commit(items), { maxBatch: 200, maxInFlight: 4 });
  }

  async apply(item: Item): Promise<ApplyOutcome> {
    const settled = await this.batcher.add(item);
    if ('error' in settled) throw settled.error;
    return settled.outcome;
  }

  private async commit(taken: Item[]): Promise<Settled[]> {
    // One row per notification and per payment in a batch: copies ride on their leader; a second
    // transaction for the same payment (paid twice) is applied on its own once the batch is done.
    const leaders = new Map<string, { index: number; copies: number[] }>();
    const payments = new Set<string>();
    const later: number[] = [];
    taken.forEach((item, index) => {
      const key = `${item.notification.provider}:${item.notification.providerTransactionId}`;
      const leader = leaders.get(key);
      if (leader) leader.copies.push(index);
      else if (payments.has(item.paymentId)) later.push(index);
      else {
        leaders.set(key, { index, copies: [] });
        payments.add(item.paymentId);
      }
    });
    const settled: Settled[] = new Array(taken.length);
    const groups = [...leaders.values()];
    try {
      const endTimer = getMetrics().commitSeconds.startTimer();
      const outcomes = await commitPaymentBatch(
        this.db,
        this.boss,
        groups.map(({ index, copies }) => ({ ...taken[index], copies: copies.length + 1 })),
      );
      endTimer();
      getMetrics().commitBatchSize.observe(groups.length);
      groups.forEach(({ index, copies }, position) => {
        settled[index] = { outcome: outcomes[position] };
        for (const copy of copies) settled[copy] = { outcome: 'duplicate' };
      });
    } catch (error) {
      logger.warn({ err: error, size: taken.length }, 'batch commit failed; applying its callbacks one by one');
      later.push(...groups.flatMap(({ index, copies }) => [index, ...copies]));
    }
    await Promise.all(
      later.map(async (index) => {
        settled[index] = await this.applyOne(taken[index]);
      }),
    );
    return settled;
  }

  private async applyOne(item: Item): Promise<Settled> {
    try {
      const [outcome] = await commitPaymentBatch(this.db, this.boss, [{ ...item, copies: 1 }]);
      return { outcome };
    } catch (error) {
      return { error };
    }
  }
}

const instances = new WeakMap<Db, GroupCommit>();

export function groupCommitFor(db: Db, boss: PgBoss): GroupCommit {
  let instance = instances.get(db);
  if (!instance) {
    instance = new GroupCommit(db, boss);
    instances.set(db, instance);
  }
  return instance;
}
