// GET /api/metrics: Prometheus metrics, for a scraper holding METRICS_TOKEN.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Registry } from 'prom-client';
import { getPrisma } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { handle } from '@/lib/http/handle';
import { databaseFigures } from '@/lib/metrics/database-figures';
import { getMetrics } from '@/lib/metrics/metrics';
import { metricsOperation } from '@/contracts/system';

export const dynamic = 'force-dynamic';

const digest = (text: string) => createHash('sha256').update(text).digest();

export const GET = handle(metricsOperation, async ({ request }) => {
  const token = getEnv().METRICS_TOKEN;
  if (!token) throw new AppError('not_found', 'Metrics are off: set METRICS_TOKEN');
  const given = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  if (!timingSafeEqual(digest(given), digest(token))) throw new AppError('unauthorized', 'Missing or invalid metrics token');
  const merged = Registry.merge([getMetrics().registry, await databaseFigures(getPrisma())]);
  return new Response(await merged.metrics(), { headers: { 'content-type': merged.contentType } });
});
