import { MicroBatcher } from '@/lib/batch/micro-batcher';
import type { Db } from '@/lib/db/prisma';
import { claimDeliveries, type Claim, type ClaimRequest } from './claim-delivery';
import { recordDelivered, type Delivered } from './record-delivered';

type DeliveryBatches = { claim: MicroBatcher<ClaimRequest, Claim>; delivered: MicroBatcher<Delivered, void> };

const instances = new WeakMap<Db, DeliveryBatches>();

/**
 * The deliveries a worker sends at once share their statements: claims that arrive together take their leases in
 * one UPDATE, and successes that arrive together are recorded in one statement. Delivery throughput is bounded by
 * database round trips, not by HTTP.
 */
export function deliveryBatchesFor(db: Db): DeliveryBatches {
  let batches = instances.get(db);
  if (!batches) {
    batches = {
      claim: new MicroBatcher((requests) => claimDeliveries(db, requests), { maxBatch: 200, maxInFlight: 2 }),
      delivered: new MicroBatcher((items) => recordDelivered(db, items), { maxBatch: 200, maxInFlight: 2 }),
    };
    instances.set(db, batches);
  }
  return batches;
}
