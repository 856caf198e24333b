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
