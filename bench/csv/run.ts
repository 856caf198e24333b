// `npm run bench:csv [-- --payments N --runs R]`: an orders export of N rows (100,000 by default) streams in constant
// memory. Brings up its own database and production server, seeds N payments over 100 merchants (the dashboard
// benchmark's seed), then downloads `GET /api/payments?format=csv` whole and for one small merchant, reading the body
// as it arrives, while sampling the web server's resident memory. Constant memory means the big export's peak stays
// where the small one's is, whatever N, with the server's heap capped (--heap, MiB) below what buffering would need.
// Checks that the rows equal the payments in the database.
import { readFileSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createPrisma, type Db } from '@/lib/db/prisma';
import { machine } from '../ingest/report';
import { startSystem, type System } from '../lib/start-system';
import { median } from '../lib/percentile';
import { stopOnSignals } from '../lib/stop-on-signals';
import { seedDashboard } from '../dashboard/seed-dashboard';
import { merchantIdSql } from '../dashboard/seed-statements';

const args = process.argv.slice(2);
const { values } = parseArgs({
  args,
  options: {
    payments: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    heap: { type: 'string', default: '160' },
  },
});
const payments = Number(values.payments);
const runs = Number(values.runs);
if (!Number.isInteger(payments) || payments < 1000) throw new Error('--payments must be an integer of at least 1000');
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
const heapMiB = Number(values.heap);
if (!Number.isInteger(heapMiB) || heapMiB < 64) throw new Error('--heap must be an integer number of MiB, at least 64');
const log = (line: string) => console.log(`[bench:csv] ${line}`);

/** Resident memory of a process and its descendants, in MiB. */
function residentMiB(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  let kib = 0;
  const visit = (id: number) => {
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return;
    }
    for (const child of children.get(id) ?? []) visit(child);
  };
  visit(pid);
  return kib / 1024;
}

type Export = { rows: number; bytes: number; seconds: number; firstByteMs: number; peakMiB: number; beforeMiB: number };

async function download(system: System, query: string): Promise<Export> {
  const pid = system.server.pid!;
  const beforeMiB = residentMiB(pid);
  let peakMiB = beforeMiB;
  const sampler = setInterval(() => (peakMiB = Math.max(peakMiB, residentMiB(pid))), 50);
  const started = performance.now();
  try {
    const response = await fetch(`${system.baseUrl}/api/payments?format=csv${query}`, {
      headers: { authorization: `Bearer ${system.adminToken}` },
    });
    if (!response.ok || !response.body) throw new Error(`export answered ${response.status}: ${await response.text()}`);
    let firstByteMs = 0;
    let bytes = 0;
    let newlines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (!bytes) firstByteMs = performance.now() - started;
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 10) newlines++;
    }
    // One header line; every row ends with a newline (no field of the seed holds one).
    return { rows: newlines - 1, bytes, seconds: (performance.now() - started) / 1000, firstByteMs, peakMiB, beforeMiB };
  } finally {
    clearInterval(sampler);
  }
}

let system: System | undefined;
let db: Db | undefined;
const stop = async () => {
  await db?.$disconnect().catch(() => {});
  await system?.stop();
};
stopOnSignals(stop);

let exitCode = 1;
try {
  // The web server's JavaScript heap is capped below what a buffered export would need (its 100,000 row objects and
  // the 30 MiB text), so an export that held the whole result would fail here instead of passing as slow.
  system = await startSystem({ env: { LOG_LEVEL: 'warn' }, nodeArgs: [`--max-old-space-size=${heapMiB}`], log });
  db = createPrisma(system.databaseUrl, 4);
  log(`seeding ${payments.toLocaleString('en-US')} payments over 100 merchants`);
  await seedDashboard({ databaseUrl: system.databaseUrl, db, options: { payments, merchants: 100, days: 30 }, log: () => {} });
  const [{ id: small }] = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT ${merchantIdSql('100')}::text AS id`);
  const total = await db.payment.count();
  const smallTotal = await db.payment.count({ where: { merchantId: small } });

  const whole: Export[] = [];
  const one: Export[] = [];
  for (let run = 1; run <= runs; run++) {
    const s = await download(system, `&merchantId=${small}`);
    const w = await download(system, '');
    if (w.rows !== total) throw new Error(`the whole export has ${w.rows} rows, the database ${total} payments`);
    if (s.rows !== smallTotal) throw new Error(`the merchant's export has ${s.rows} rows, the database ${smallTotal}`);
    one.push(s);
    whole.push(w);
    log(
      `run ${run}: ${w.rows} rows in ${w.seconds.toFixed(1)} s, peak ${w.peakMiB.toFixed(0)} MiB; ${s.rows} rows, peak ${s.peakMiB.toFixed(0)} MiB`,
    );
  }
  const row = (label: string, figures: Export[]) => {
    const m = (pick: (e: Export) => number) => median(figures.map(pick));
    return (
      `  ${label.padEnd(28)} ${m((e) => e.rows)
        .toLocaleString('en-US')
        .padStart(8)} rows  ${(m((e) => e.bytes) / 2 ** 20).toFixed(1).padStart(6)} MiB  ` +
      `${m((e) => e.seconds)
        .toFixed(2)
        .padStart(6)} s  ${Math.round(m((e) => e.rows / e.seconds))
        .toLocaleString('en-US')
        .padStart(7)} rows/s  ` +
      `first byte ${m((e) => e.firstByteMs)
        .toFixed(0)
        .padStart(4)} ms  server RSS ${m((e) => e.beforeMiB).toFixed(0)} → peak ${m((e) => e.peakMiB).toFixed(0)} MiB`
    );
  };
  const growth = (figures: Export[]) => median(figures.map((e) => e.peakMiB - e.beforeMiB));
  console.log(
    [
      '',
      `Orders CSV export (median of ${runs} runs; each export read as it streams, the web server's RSS sampled every 50 ms, its heap capped at ${heapMiB} MiB)`,
      row('one merchant', one),
      row('every payment', whole),
      `  the server's peak grew ${growth(whole).toFixed(1)} MiB during the whole export and ${growth(one).toFixed(1)} MiB during the small one, for ×${(total / smallTotal).toFixed(0)} the rows`,
      `  machine: ${machine()}`,
      `  command: ${['npm run bench:csv', ...(args.length ? ['--', ...args] : [])].join(' ')}`,
    ].join('\n'),
  );
  exitCode = 0;
} catch (error) {
  console.error(error);
} finally {
  await stop();
}
process.exit(exitCode);
