import type { Operation } from '@/contracts/operation';
import * as audit from './audit';
import * as campaigns from './campaigns';
import * as deliveries from './deliveries';
import * as developerSettings from './developer-settings';
import * as lifecycle from './lifecycle';
import * as deliveryCount from './delivery-count';
import { receiveCallbackOperation } from './callbacks';
import { streamLiveEventsOperation } from './live';
import * as merchants from './merchants';
import * as merchantList from './merchant-list';
import * as merchantSummary from './merchant-summary';
import * as notifications from './notifications';
import * as overview from './overview';
import * as paymentList from './payment-list';
import * as payments from './payments';
import * as paymentTimeline from './payment-timeline';
import * as promotions from './promotions';
import * as refunds from './refunds';
import * as queueOperations from './queues';
import * as risk from './risk';
import * as sandbox from './sandbox';
import * as settlements from './settlements';
import * as users from './users';
import { healthOperation, livenessOperation, metricsOperation, openApiOperation } from './system';

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
  metricsOperation,
  ...operationsIn(overview),
  ...operationsIn(merchants),
  ...operationsIn(merchantList),
  ...operationsIn(merchantSummary),
  ...operationsIn(developerSettings),
  ...operationsIn(payments),
  ...operationsIn(paymentList),
  ...operationsIn(paymentTimeline),
  ...operationsIn(refunds),
  ...operationsIn(notifications),
  receiveCallbackOperation,
  ...operationsIn(deliveries),
  ...operationsIn(lifecycle),
  ...operationsIn(settlements),
  ...operationsIn(deliveryCount),
  ...operationsIn(sandbox),
  ...operationsIn(risk),
  ...operationsIn(campaigns),
  ...operationsIn(promotions),
  streamLiveEventsOperation,
  ...operationsIn(queueOperations),
  ...operationsIn(users),
  ...operationsIn(audit),
];
