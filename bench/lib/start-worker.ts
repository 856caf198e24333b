// One real worker process (`npm run worker`) for benchmarks that measure the path through the queue end to end.
import { spawn } from 'node:child_process';
import path from 'node:path';

export type BenchWorker = {
  pid: number | undefined;
  stop: () => Promise<void>;
  /** Settles with the exit code when the process ends, asked to or not. */
  exited: Promise<number | null>;
};

const root = path.resolve(import.meta.dirname, '../..');
const readyTimeoutMs = 60_000;

/**
 * Same environment as the web server. PROCESS_ROLE=worker makes the worker exit by itself should this process
 * die without stopping it. Warnings and errors it logs are passed on, since they explain odd figures.
 */
export async function startWorker(env: Record<string, string>, options: { nodeArgs?: string[] } = {}): Promise<BenchWorker> {
  const args = [
    ...(options.nodeArgs ?? []),
    '--disable-warning=ExperimentalWarning',
    '--import',
    'tsx',
    path.join(root, 'workers/index.ts'),
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    // Readiness is read from the log, so the worker logs at info whatever the benchmark was given.
    env: { ...process.env, ...env, NODE_ENV: 'production', PROCESS_ROLE: 'worker', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      // pg-boss's graceful stop waits up to 10 s for jobs in flight; a hung shutdown must not hang the benchmark.
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    })());

  let tail = '';
  let partial = '';
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`worker not ready within ${readyTimeoutMs / 1000} s:\n${tail}`)), readyTimeoutMs);
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        tail = (tail + chunk).slice(-4_000);
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          if (line.includes('"msg":"worker ready"')) resolve();
          else if (/"level":[4-6]0/.test(line)) console.log(`[worker] ${line}`);
        }
      });
      child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${tail}`)));
    });
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return { pid: child.pid, stop, exited };
}
