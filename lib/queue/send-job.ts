import { fromPrisma, type JobInsert, type PgBoss, type SendOptions, type UpdateOptions } from 'pg-boss';
import type { z } from 'zod';
import type { Tx } from '@/lib/db/prisma';
import type { EventTopic, JobDefinition } from './jobs';

/** Jobs written with `tx` commit or roll back with the rest of that transaction. */
type InTransaction = { tx?: Tx };

const connection = (tx: Tx | undefined) => (tx ? { db: fromPrisma(tx) } : {});

/** Queues one job after parsing its payload with the job's schema. */
export async function sendJob<J extends JobDefinition>(
  boss: PgBoss,
  job: J,
  payload: z.input<J['schema']>,
  options: Omit<SendOptions, 'db'> & InTransaction = {},
): Promise<string | null> {
  const { tx, ...rest } = options;
  return boss.send(job.name, job.schema.parse(payload) as object, { ...rest, ...connection(tx) });
}

/**
 * Moves the job waiting under `singletonKey` (its payload and options replaced), or queues one if none waits: e.g.
 * bring a scheduled look forward to now. Parses the payload first, like `sendJob`.
 */
export async function upsertJob<J extends JobDefinition>(
  boss: PgBoss,
  job: J,
  payload: z.input<J['schema']>,
  options: Omit<UpdateOptions, 'db' | 'id'> & { singletonKey: string } & InTransaction,
) {
  const { tx, ...rest } = options;
  return boss.upsert(job.name, job.schema.parse(payload) as object, { ...rest, ...connection(tx) });
}

export type JobItem<J extends JobDefinition> = Omit<JobInsert, 'data'> & { data: z.input<J['schema']> };

/** Queues many jobs of one kind in one statement, each payload parsed first. */
export async function insertJobs<J extends JobDefinition>(boss: PgBoss, job: J, items: JobItem<J>[], options: InTransaction = {}) {
  if (items.length === 0) return;
  await boss.insert(
    job.name,
    items.map((item) => ({ ...item, data: job.schema.parse(item.data) as object })),
    connection(options.tx),
  );
}

/**
 * Publishes events on a topic: each lands in every queue the topic feeds, one statement per queue however many
 * events there are (pg-boss's own publish sends one job per call).
 */
export async function publishEvents<T extends EventTopic>(
  boss: PgBoss,
  topic: T,
  events: z.input<T['schema']>[],
  options: InTransaction = {},
) {
  if (events.length === 0) return;
  const data = events.map((event) => topic.schema.parse(event) as object);
  for (const queue of topic.subscribers) {
    await boss.insert(
      queue.name,
      data.map((item) => ({ data: item })),
      connection(options.tx),
    );
  }
}
