// Prometheus metrics (prom-client). Counters and histograms here are this process's own (each web process is
// scraped on its own); figures the workers produce are read from the database at scrape time
// (lib/metrics/database-figures.ts), so they are the same whichever web process answers.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const globalForMetrics = globalThis as unknown as { paygateMetrics?: ReturnType<typeof createMetrics> };

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'paygate_' });
  return {
    registry,
    callbacks: new Counter({
      name: 'paygate_callbacks_total',
      help: 'Provider callbacks answered by this web process, by provider and outcome',
      labelNames: ['provider', 'outcome'] as const,
      registers: [registry],
    }),
    commitBatchSize: new Histogram({
      name: 'paygate_intake_commit_batch_size',
      help: 'Verified payment callbacks committed together in one intake transaction',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers: [registry],
    }),
    commitSeconds: new Histogram({
      name: 'paygate_intake_commit_seconds',
      help: 'Duration of one intake batch transaction',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    rejectedCallbacks: new Counter({
      name: 'paygate_rejected_callbacks_total',
      help: 'Callbacks that failed verification, by provider and reason (the AppError code)',
      labelNames: ['provider', 'reason'] as const,
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'paygate_rate_limited_total',
      help: 'Requests answered 429, by limit',
      labelNames: ['limit'] as const,
      registers: [registry],
    }),
  };
}

export function getMetrics() {
  globalForMetrics.paygateMetrics ??= createMetrics();
  return globalForMetrics.paygateMetrics;
}
