// The dashboard's aggregate tables (schema.prisma, "Dashboard aggregates"): their keys and what their columns hold,
// described once for the compaction and the retention that keep them small.

export type StatTable = {
  name: string;
  /** The key without the shard. */
  key: string[];
  /** Counters: a bucket's value is the sum over its shards. */
  sums: string[];
  /** Latest instants: a bucket's value is the greatest over its shards. */
  maxima?: string[];
  /** The bucket's start, for tables bucketed by time; absent for counts of what is, not of what happened. */
  time?: { column: string; retentionDays: number };
};

export const statTables: StatTable[] = [
  {
    name: 'payment_stat_minute',
    key: ['bucket_start', 'provider', 'currency'],
    sums: ['pending', 'succeeded', 'closed', 'failed', 'paid_count', 'paid_amount'],
    time: { column: 'bucket_start', retentionDays: 35 },
  },
  {
    name: 'merchant_paid_hour',
    key: ['merchant_id', 'bucket_start', 'currency'],
    sums: ['paid_count', 'paid_amount'],
    time: { column: 'bucket_start', retentionDays: 400 },
  },
  {
    name: 'delivery_stat_minute',
    key: ['bucket_start'],
    sums: ['attempts', 'succeeded', 'first_attempts', 'first_succeeded'],
    time: { column: 'bucket_start', retentionDays: 35 },
  },
  {
    name: 'delivery_latency_minute',
    key: ['bucket_start', 'le_ms'],
    sums: ['count'],
    time: { column: 'bucket_start', retentionDays: 35 },
  },
  {
    name: 'merchant_delivery_hour',
    key: ['merchant_id', 'bucket_start'],
    sums: ['attempts', 'failed', 'first_attempts', 'first_succeeded'],
    maxima: ['last_success_at', 'last_failure_at'],
    time: { column: 'bucket_start', retentionDays: 400 },
  },
  { name: 'delivery_status_count', key: ['merchant_id', 'status'], sums: ['count'] },
  {
    name: 'callback_stat_minute',
    key: ['bucket_start', 'provider'],
    sums: ['received', 'duplicates', 'rejected', 'unknown_payment', 'amount_mismatch'],
    time: { column: 'bucket_start', retentionDays: 35 },
  },
];

/** The shard compacted rows live in; writers use 0–7 (their backend pid mod 8), so they never touch it. */
export const compactedShard = -1;
