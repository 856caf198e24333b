import { spawn, type ChildProcess } from 'node:child_process';

export type Supervised = { name: string; stop: () => Promise<void> };

/**
 * Runs a child process and starts it again whenever it dies on its own, until stop() is called;
 * stop() asks it to finish (SIGTERM) and kills it if it has not within the grace period.
 */
export function supervise(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Supervised {
  let child: ChildProcess | undefined;
  let stopping = false;
  let restarts = 0;

  const start = () => {
    const startedAt = Date.now();
    child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code, signal) => {
      child = undefined;
      if (stopping) return;
      // Quick successive crashes back off, so a broken build does not spin.
      restarts = Date.now() - startedAt > 30_000 ? 0 : restarts + 1;
      const delay = Math.min(30_000, 500 * 2 ** restarts);
      log(`${name} exited (${signal ?? `code ${code}`}); restarting in ${delay} ms`);
      setTimeout(() => !stopping && start(), delay);
    });
  };
  start();

  return {
    name,
    stop: async () => {
      stopping = true;
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGTERM');
      const timer = setTimeout(() => running.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
