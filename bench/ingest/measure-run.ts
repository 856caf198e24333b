// One measurement of ingest: no-op route, maximum callback throughput, and latency at a fixed rate, each warmed up
// first, each callback phase checked against the database afterwards.
import type { Db } from '@/lib/db/prisma';
import type { WechatKeys } from '@/tests/helpers/provider-keys';
import { startCpuSplit, type CpuSplit } from '../lib/cpu-split';
import { createPendingPayments, signCallbacks } from './callback-pool';
import { fireCallbacks, fireNoop, spareCallbacks, type Figures } from './fire';

export const settings = { connections: 64, durationSeconds: 10, warmupSeconds: 3, fixedRate: 500 } as const;

export type RunFigures = { noop: Figures; ingest: Figures; fixedRate: Figures; cpu: CpuSplit | undefined; problems: string[] };

type Context = {
  baseUrl: string;
  webPid: number | undefined;
  db: Db;
  keys: WechatKeys;
  merchantIds: string[];
  log: (line: string) => void;
};

/** `expectedRate` sizes the maximum-throughput pool so that phase lasts about durationSeconds. */
export async function measureRun(context: Context, expectedRate: number | undefined): Promise<RunFigures> {
  const { baseUrl, log } = context;
  const { connections, durationSeconds, warmupSeconds, fixedRate } = settings;
  const problems: string[] = [];

  log(`no-op route: ${warmupSeconds} s warm-up, ${durationSeconds} s at ${connections} connections`);
  await fireNoop(baseUrl, { connections, durationSeconds: warmupSeconds });
  const noop = await fireNoop(baseUrl, { connections, durationSeconds });
  if (noop.non2xx || noop.errors) problems.push(`no-op: ${noop.non2xx} non-2xx answers, ${noop.errors} errors`);

  const warm = await ingestPhase(context, 'ingest warm-up', (expectedRate ?? 1_000) * warmupSeconds, { connections }, problems);
  const rate = Math.max(expectedRate ?? 0, warm.figures.throughput);
  const max = await ingestPhase(context, 'ingest, maximum throughput', rate * durationSeconds, { connections }, problems, true);

  const fixed = { connections, overallRate: fixedRate };
  await ingestPhase(context, `ingest warm-up at ${fixedRate}/s`, fixedRate * warmupSeconds, fixed, problems);
  const fixedRun = await ingestPhase(context, `ingest at ${fixedRate}/s`, fixedRate * durationSeconds, fixed, problems);
  return { noop, ingest: max.figures, fixedRate: fixedRun.figures, cpu: max.cpu, problems };
}

async function ingestPhase(
  context: Context,
  name: string,
  callbacks: number,
  options: { connections: number; overallRate?: number },
  problems: string[],
  measureCpu = false,
): Promise<{ figures: Figures; cpu: CpuSplit | undefined }> {
  const { db, keys, merchantIds, baseUrl, log } = context;
  const count = Math.round(callbacks) + spareCallbacks(options.connections);
  const payments = await createPendingPayments(db, merchantIds, count);
  const pool = signCallbacks(keys, payments);
  const before = await countSucceeded(db);
  const rate = options.overallRate ? `, ${options.overallRate}/s` : '';
  log(`${name}: ${count - spareCallbacks(options.connections)} callbacks at ${options.connections} connections${rate}`);
  const cpuSplit = measureCpu ? startCpuSplit(context.webPid) : undefined;
  const figures = await fireCallbacks(baseUrl, pool, options);
  const cpu = cpuSplit?.();
  const applied = (await countSucceeded(db)) - before;
  if (figures.ok !== figures.answered || figures.errors) {
    problems.push(`${name}: ${figures.non2xx} non-2xx answers ${JSON.stringify(figures.statusCodes)}, ${figures.errors} errors/timeouts`);
  }
  if (applied !== figures.ok) problems.push(`${name}: ${figures.ok} callbacks answered 200 but ${applied} payments became succeeded`);
  return { figures, cpu };
}

function countSucceeded(db: Db): Promise<number> {
  return db.payment.count({ where: { status: 'succeeded' } });
}
