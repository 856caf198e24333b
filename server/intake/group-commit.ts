import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { logger } from '@/lib/logger';
import { commitPaymentBatch, type ApplyOutcome, type BatchItem } from './commit-payment-batch';

type Pending = Omit<BatchItem, 'copies'> & { resolve: (outcome: ApplyOutcome) => void; reject: (error: unknown) => void };

const maxBatch = 200;
const maxFlushing = 4;

/**
 * Group commit: callbacks that arrive while a commit is in flight wait and go into the next one, so the
 * database does a few statements per batch instead of a dozen per callback. Each callback is still
 * answered only after the transaction holding its rows has committed (DESIGN §3 invariant 1). If a
 * batch fails, its callbacks are applied one by one, so one bad callback cannot fail the others.
 */
export class GroupCommit {
  private waiting: Pending[] = [];
  private flushing = 0;

  constructor(private readonly db: Db, private readonly boss: PgBoss) {}

  apply(item: Omit<BatchItem, 'copies'>): Promise<ApplyOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ...item, resolve, reject });
      if (this.flushing < maxFlushing) setImmediate(() => this.flush());
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing >= maxFlushing || this.waiting.length === 0) return;
    this.flushing++;
    const taken = this.waiting.splice(0, maxBatch);
    try {
      await this.commit(taken);
    } finally {
      this.flushing--;
      if (this.waiting.length > 0) setImmediate(() => this.flush());
    }
  }

  private async commit(taken: Pending[]): Promise<void> {
    // One row per notification and per payment in a batch: copies ride on their leader; a second
    // transaction for the same payment (paid twice) is applied on its own once the batch is done.
    const leaders = new Map<string, { item: Pending; copies: Pending[] }>();
    const payments = new Set<string>();
    const later: Pending[] = [];
    for (const item of taken) {
      const key = `${item.notification.provider}:${item.notification.providerTransactionId}`;
      const leader = leaders.get(key);
      if (leader) leader.copies.push(item);
      else if (payments.has(item.paymentId)) later.push(item);
      else {
        leaders.set(key, { item, copies: [] });
        payments.add(item.paymentId);
      }
    }
    const groups = [...leaders.values()];
    try {
      const outcomes = await commitPaymentBatch(this.db, this.boss, groups.map(({ item, copies }) => ({ ...item, copies: copies.length + 1 })));
      groups.forEach(({ item, copies }, index) => {
        item.resolve(outcomes[index]);
        for (const copy of copies) copy.resolve('duplicate');
      });
    } catch (error) {
      logger.warn({ err: error, size: taken.length }, 'batch commit failed; applying its callbacks one by one');
      later.push(...groups.flatMap(({ item, copies }) => [item, ...copies]));
    }
    await Promise.all(later.map((item) => this.applyOne(item)));
  }

  private async applyOne(item: Pending): Promise<void> {
    try {
      const [outcome] = await commitPaymentBatch(this.db, this.boss, [{ ...item, copies: 1 }]);
      item.resolve(outcome);
    } catch (error) {
      item.reject(error);
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
