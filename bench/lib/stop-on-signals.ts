/**
 * Runs `stop` once on Ctrl-C, SIGTERM, SIGHUP or an exception thrown where no try can catch it (autocannon's
 * event handlers), so a benchmark never leaves its server, worker or temp database behind.
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void stop().finally(() => process.exit(130)));
  }
  process.on('uncaughtException', (error) => {
    console.error(error);
    void stop().finally(() => process.exit(1));
  });
}
