import type { Operation } from '@/lib/http/operation';
import * as campaigns from '@/server/campaigns/operations';
import * as deliveries from '@/server/deliveries/operations';
import { receiveCallbackOperation } from '@/server/intake/operations';
import * as merchants from '@/server/merchants/operations';
import * as payments from '@/server/payments/operations';
import * as promotions from '@/server/promotions/operations';
import * as risk from '@/server/risk/operations';
import * as sandbox from '@/server/sandbox/operations';
import { healthOperation, livenessOperation, openApiOperation } from './operations';

function operationsIn(module: Record<string, unknown>): Operation[] {
  return Object.values(module).filter(
    (value): value is Operation => typeof value === 'object' && value !== null && 'method' in value && 'path' in value,
  );
}

/** Every operation of the API, in the order the OpenAPI document lists them. */
export const allOperations: Operation[] = [
  healthOperation,
  livenessOperation,
  openApiOperation,
  ...operationsIn(merchants),
  ...operationsIn(payments),
  receiveCallbackOperation,
  ...operationsIn(deliveries),
  ...operationsIn(sandbox),
  ...operationsIn(risk),
  ...operationsIn(campaigns),
  ...operationsIn(promotions),
];
