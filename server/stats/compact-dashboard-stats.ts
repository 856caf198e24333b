import { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db/prisma';
import { compactedShard, statTables, type StatTable } from './stat-tables';

type CompactDashboardStats = {
  db: Db;
  now?: Date;
  /** Buckets that ended at least this long ago are folded; younger ones are still being written to. */
  settleSeconds?: number;
  /** Rows deleted per retention statement, so no delete holds its locks or its WAL for long. */
  chunk?: number;
};

export type CompactOutcome = Record<string, { folded: number; pruned: number }>;

const ident = (name: string) => Prisma.raw(`"${name}"`);
const list = (names: string[]) => Prisma.raw(names.map((name) => `"${name}"`).join(', '));

/**
 * Folds the rows that writers added to their shards into one row per bucket (shard -1), so readers sum one row per
 * bucket instead of up to eight, and deletes buckets past their retention. Rows a transaction is writing right now
 * are skipped (SKIP LOCKED) and folded next time, so this never waits for a writer and no writer waits long for it;
 * a bucket's total is the same before and after. Run every minute by the worker.
 */
export async function compactDashboardStats({ db, now = new Date(), settleSeconds = 60, chunk = 10_000 }: CompactDashboardStats) {
  const outcome: CompactOutcome = {};
  const settledBefore = new Date(now.getTime() - settleSeconds * 1000);
  for (const table of statTables) {
    // At most `chunk` writer rows per transaction, so a backlog (a worker that was down for hours) is folded in
    // short transactions instead of one that outgrows its time limit and never commits.
    let folded = 0;
    for (let moved = chunk; moved === chunk; folded += moved) {
      moved = await db.$transaction(async (tx) => {
        // One compaction at a time; another worker's run finds the lock taken and leaves the work to it.
        const [{ locked }] = await tx.$queryRaw<
          { locked: boolean }[]
        >`SELECT pg_try_advisory_xact_lock(hashtext(${`compact:${table.name}`})) AS locked`;
        if (!locked) return 0;
        const [{ count }] = await tx.$queryRaw<{ count: number }[]>(foldStatement(table, settledBefore, chunk));
        return count;
      });
    }
    outcome[table.name] = { folded, pruned: table.time ? await prune(db, table, now, chunk) : 0 };
  }
  return outcome;
}

/** Folds up to `limit` writer rows; answers how many it moved. */
function foldStatement(table: StatTable, settledBefore: Date, limit: number): Prisma.Sql {
  const name = ident(table.name);
  const maxima = table.maxima ?? [];
  const settled = table.time ? Prisma.sql`AND ${ident(table.time.column)} < ${settledBefore}` : Prisma.empty;
  const aggregates = Prisma.raw([...table.sums.map((c) => `sum("${c}")`), ...maxima.map((c) => `max("${c}")`)].join(', '));
  const updates = Prisma.raw(
    [
      ...table.sums.map((c) => `"${c}" = s."${c}" + EXCLUDED."${c}"`),
      ...maxima.map((c) => `"${c}" = greatest(s."${c}", EXCLUDED."${c}")`),
    ].join(', '),
  );
  return Prisma.sql`
    WITH moved AS (
      DELETE FROM ${name} WHERE ctid = ANY(ARRAY(
        SELECT ctid FROM ${name} WHERE shard >= 0 ${settled} LIMIT ${limit} FOR UPDATE SKIP LOCKED))
      RETURNING *),
    upserted AS (
      INSERT INTO ${name} AS s (${list(table.key)}, shard, ${list([...table.sums, ...maxima])})
      SELECT ${list(table.key)}, ${compactedShard}::smallint, ${aggregates}
      FROM moved GROUP BY ${list(table.key)} ORDER BY ${list(table.key)}
      ON CONFLICT (${list(table.key)}, shard) DO UPDATE SET ${updates}
      RETURNING 1)
    SELECT (SELECT count(*) FROM moved)::int AS count`;
}

async function prune(db: Db, table: StatTable, now: Date, chunk: number): Promise<number> {
  if (!table.time) return 0;
  const name = ident(table.name);
  const column = ident(table.time.column);
  const before = new Date(now.getTime() - table.time.retentionDays * 86_400_000);
  let total = 0;
  for (let deleted = chunk; deleted === chunk; total += deleted) {
    deleted = await db.$executeRaw`
      DELETE FROM ${name} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${name} WHERE ${column} < ${before} LIMIT ${chunk}))`;
  }
  return total;
}
