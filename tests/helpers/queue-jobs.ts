import type { Db } from '@/lib/db/prisma';

/** Jobs waiting in a queue, read straight from pg-boss's table. */
export async function jobsIn(db: Db, queue: string): Promise<{ id: string; data: any }[]> {
  return db.$queryRawUnsafe(`SELECT id::text, data FROM pgboss.job WHERE name = $1 ORDER BY created_on`, queue);
}

/** What committing a payment's settlement leaves behind: its status, deliveries, delivery jobs and topic events. */
export async function settlementOf(db: Db, paymentId: string) {
  const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
  const deliveries = await db.delivery.findMany({ where: { paymentId } });
  const ids = deliveries.map((d) => d.id);
  const deliveryJobs = (await jobsIn(db, 'deliver-webhook')).filter((job) => job.data.deliveryId && ids.includes(job.data.deliveryId));
  const events = async (queue: string) => (await jobsIn(db, queue)).filter((job) => job.data.data?.paymentId === paymentId);
  return {
    status: payment.status,
    deliveries: deliveries.length,
    deliveryJobs: deliveryJobs.length,
    risk: (await events('risk')).length,
    campaign: (await events('campaign')).length,
    promotion: (await events('promotion')).length,
  };
}
