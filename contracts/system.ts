import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';

export const healthOperation = defineOperation({
  id: 'getHealth',
  method: 'GET',
  path: '/api/health',
  summary: 'Ready once the database and the queue answer',
  tag: 'system',
  auth: 'none',
  status: 200,
  response: z.object({ status: z.literal('ok') }),
  errors: [503],
});

export const livenessOperation = defineOperation({
  id: 'getLiveness',
  method: 'GET',
  path: '/api/health/live',
  summary: 'The process answers (touches nothing else): for liveness probes',
  tag: 'system',
  auth: 'none',
  status: 200,
  response: z.object({ status: z.literal('live') }),
  errors: [],
});

export const openApiOperation = defineOperation({
  id: 'getOpenApi',
  method: 'GET',
  path: '/api/openapi.json',
  summary: 'This document',
  tag: 'system',
  auth: 'none',
  status: 200,
  response: z.record(z.string(), z.unknown()),
  errors: [],
});

export const metricsOperation = defineOperation({
  id: 'getMetrics',
  method: 'GET',
  path: '/api/metrics',
  summary:
    'Prometheus metrics, behind Authorization: Bearer <METRICS_TOKEN>: this web process’s callbacks and intake commits, and figures read from the database (deliveries, queues, risk lag, scheduler runs)',
  tag: 'system',
  auth: 'none',
  status: 200,
  responseContentType: 'text/plain; version=0.0.4 (Prometheus exposition format)',
  errors: [401, 404],
});
