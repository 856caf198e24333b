// Callback answered → merchant received, at a fixed offered rate, with the worker running throughout.
import { startCpuSplit, type CpuSplit } from '../lib/cpu-split';
import { percentile } from '../lib/percentile';
import { createPendingPayments, signCallbacks } from '../ingest/callback-pool';
import type { Context } from './context';
import { firePaced } from './paced-sender';

export type LatencyFigures = {
  offered: number;
  achieved: number;
  /** Webhooks the merchant received per second while the sender ran: below `achieved`, a backlog builds. */
  deliveredPerSecond: number;
  ok: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Delivered before the sender's last answer arrived. */
  inWindow: number;
  /** Answered 200 but not delivered even after the grace period. */
  missing: number;
  duplicates: number;
  answerP99: number;
  cpu: CpuSplit | undefined;
};

// In-flight callbacks: enough to offer 1,000/s even at 60 ms answers, few enough not to pile up a backlog.
const connections = 64;
const graceMs = 30_000;

export async function measureLatency(
  context: Context,
  phase: { name: string; rate: number; seconds: number; measureCpu?: boolean },
  problems: string[],
): Promise<LatencyFigures> {
  const { db, keys, merchantIds, merchant, baseUrl, log } = context;
  const count = Math.ceil(phase.rate * phase.seconds);
  const payments = await createPendingPayments(db, merchantIds, count);
  const pool = signCallbacks(keys, payments);
  log(`${phase.name}: ${count} callbacks offered at ${phase.rate}/s for ${phase.seconds} s`);
  const receivedBefore = merchant.count();
  const cpuSplit = phase.measureCpu ? startCpuSplit(context.webPid, context.worker()?.pid) : undefined;
  const started = performance.now();
  const fired = await firePaced(baseUrl, pool, { rate: phase.rate, seconds: phase.seconds, connections });
  const cpu = cpuSplit?.();
  const windowEnd = performance.now();
  const deliveredPerSecond = (merchant.count() - receivedBefore) / ((windowEnd - started) / 1000);

  const ok = fired.answers.filter((answer) => answer.status === 200);
  if (ok.length !== fired.answers.length || fired.errors) {
    problems.push(`${phase.name}: ${fired.answers.length - ok.length} non-200 answers, ${fired.errors} errors`);
  }
  const outTradeNos = ok.map((answer) => payments[answer.index].outTradeNo);
  const missing = await merchant.waitFor(outTradeNos, graceMs);
  if (missing.length) problems.push(`${phase.name}: ${missing.length} paid callbacks not delivered ${graceMs / 1000} s after the phase`);

  const latencies: number[] = [];
  let inWindow = 0;
  let duplicates = 0;
  for (const answer of ok) {
    const receipt = merchant.receipts.get(payments[answer.index].outTradeNo);
    if (!receipt) continue;
    latencies.push(receipt.at - answer.at);
    if (receipt.at <= windowEnd) inWindow++;
    duplicates += receipt.copies - 1;
  }
  latencies.sort((a, b) => a - b);
  const figures: LatencyFigures = {
    offered: phase.rate,
    achieved: fired.achieved,
    deliveredPerSecond,
    ok: ok.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? Number.NaN,
    inWindow,
    missing: missing.length,
    duplicates,
    answerP99: percentile(fired.answerMs, 99),
    cpu,
  };
  log(
    `${phase.name}: ${fired.achieved.toFixed(0)}/s answered, ${deliveredPerSecond.toFixed(0)}/s delivered meanwhile; p50 ${figures.p50.toFixed(1)} / p95 ${figures.p95.toFixed(1)} / ` +
      `p99 ${figures.p99.toFixed(1)} ms`,
  );
  return figures;
}
