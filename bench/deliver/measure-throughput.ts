// Deliveries per second from a standing backlog: N payments are paid through the callback route while no
// worker runs, so N delivery jobs (and each payment's topic jobs) wait committed; then one worker starts and
// drains them. The same worker also runs the topic subscribers (risk, campaign, promotion), so
// `deliveriesOnly` deletes the backlog's subscriber jobs first to show what the delivery path alone can do.
import { subscriberQueues } from '@/lib/queue/queues';
import { startCpuSplit, type CpuSplit } from '../lib/cpu-split';
import { createPendingPayments, signCallbacks } from '../ingest/callback-pool';
import { fireCallbacks, spareCallbacks } from '../ingest/fire';
import type { Context } from './context';

export type ThroughputFigures = {
  backlog: number;
  /** Deliveries/s from the first webhook received to the last. */
  perSecond: number;
  /** Deliveries/s from the worker's spawn, boot included. */
  perSecondWithBoot: number;
  missing: number;
  cpu: CpuSplit | undefined;
};

const connections = 64;
const drainTimeoutMs = 180_000;

export async function measureThroughput(
  context: Context,
  options: { name: string; backlog: number; deliveriesOnly: boolean },
  problems: string[],
): Promise<ThroughputFigures> {
  const { name, backlog } = options;
  const { db, keys, merchantIds, merchant, baseUrl, log } = context;
  await context.stopWorker();
  const payments = await createPendingPayments(db, merchantIds, backlog + spareCallbacks(connections));
  const pool = signCallbacks(keys, payments);
  log(`${name}: paying ${backlog} payments with no worker running`);
  const fired = await fireCallbacks(baseUrl, pool, { connections });
  if (fired.ok !== fired.answered || fired.errors)
    problems.push(`${name} backlog: ${fired.non2xx} non-2xx answers, ${fired.errors} errors`);
  // autocannon does not say which callbacks were the spares it built but never sent: ask the database.
  const paid = await db.payment.findMany({
    where: { outTradeNo: { in: payments.map((p) => p.outTradeNo) }, status: 'succeeded' },
    select: { outTradeNo: true },
  });
  const outTradeNos = paid.map((p) => p.outTradeNo);
  if (options.deliveriesOnly) {
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = ANY(${[...subscriberQueues]}::text[]) AND state = 'created'`;
  }
  log(
    `${name}: ${outTradeNos.length} delivery jobs waiting${options.deliveriesOnly ? ' (subscriber jobs deleted)' : ''}; starting the worker`,
  );

  const spawned = performance.now();
  const started = context.startWorker();
  let failed = false;
  started.catch(() => (failed = true));
  // CPU is counted from the first delivery on, so the worker's boot (tsx, Prisma, pg-boss) stays out of it.
  while (!failed && !outTradeNos.some((id) => merchant.receipts.has(id)) && performance.now() - spawned < drainTimeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const worker = await started;
  const cpuSplit = startCpuSplit(context.webPid, worker.pid);
  const missing = await merchant.waitFor(outTradeNos, drainTimeoutMs);
  const cpu = cpuSplit();
  if (missing.length) problems.push(`${name}: ${missing.length} of ${outTradeNos.length} not delivered within ${drainTimeoutMs / 1000} s`);

  const times = outTradeNos.flatMap((id) => merchant.receipts.get(id)?.at ?? []).sort((a, b) => a - b);
  const first = times[0];
  const last = times[times.length - 1];
  const figures: ThroughputFigures = {
    backlog: outTradeNos.length,
    perSecond: (times.length - 1) / ((last - first) / 1000),
    perSecondWithBoot: times.length / ((last - spawned) / 1000),
    missing: missing.length,
    cpu,
  };
  log(
    `${name}: ${times.length} delivered at ${figures.perSecond.toFixed(0)}/s (${figures.perSecondWithBoot.toFixed(0)}/s with the worker's boot)`,
  );
  return figures;
}
