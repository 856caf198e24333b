// Risk benchmark (DESIGN §7): from the answer to the callback of the payment that crosses a threshold to its alert
// (and to the block, when the rule blocks), under 1,000 payment events/s of background load with the default rules;
// then how many events/s each subscriber (risk, campaign, promotion) works off. Prints every run's figures, their
// medians and the command.
//   npm run bench:risk [-- --runs 3 --samples 40 --rate 1000 --backlog 20000]
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { median } from '../lib/percentile';
import { reportMark } from './report-mark';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    samples: { type: 'string', default: '40' },
    rate: { type: 'string', default: '1000' },
    backlog: { type: 'string', default: '20000' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
const args = ['--samples', values.samples!, '--rate', values.rate!, '--backlog', values.backlog!];
const log = (line: string) => console.log(`[bench:risk] ${line}`);

type Report = Record<string, any>;
const reports: Report[] = [];
for (let run = 1; run <= runs; run++) {
  log(`run ${run} of ${runs}`);
  const report = await oneRun();
  log(`run ${run}: ${JSON.stringify(report)}`);
  reports.push(report);
}

const at =
  (path: string) =>
  (report: Report): number =>
    path.split('.').reduce((value: Report, key) => value?.[key], report) as unknown as number;
const medianOf = (path: string) => Math.round(median(reports.map(at(path))));
const figures = Object.fromEntries(
  [
    'alert.p50',
    'alert.p95',
    'block.p50',
    'block.p95',
    'crossingJob.createdToFetched.p50',
    'crossingJob.fetchedToCompleted.p50',
    'waitingWhenLoadStopped.risk',
    'waitingWhenLoadStopped.campaign',
    'waitingWhenLoadStopped.promotion',
    'throughput.risk',
    'throughput.campaign',
    'throughput.promotion',
  ].map((path) => [path, medianOf(path)]),
);
console.log(JSON.stringify({ command: `npm run bench:risk -- --runs ${runs} ${args.join(' ')}`, runs, medians: figures }, null, 2));

function oneRun(): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '--import', 'tsx', 'bench/risk/one-run.ts', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    // Ctrl-C reaches the child too (same process group); it cleans up after itself.
    child.once('exit', (code) => {
      const line = output.split('\n').find((candidate) => candidate.startsWith(reportMark));
      if (code !== 0 || !line) reject(new Error(`run failed (exit ${code})`));
      else resolve(JSON.parse(line.slice(reportMark.length)));
    });
  });
}
