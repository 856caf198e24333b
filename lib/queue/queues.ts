// Every queue and topic in the system, created at boot from the job definitions of `./jobs.ts`.
import type { PgBoss } from 'pg-boss';
import { eventTopics, jobs } from './jobs';

type Names<T extends Record<string, { name: string }>> = { [K in keyof T]: T[K]['name'] };

const namesOf = <T extends Record<string, { name: string }>>(defs: T) =>
  Object.fromEntries(Object.entries(defs).map(([key, def]) => [key, def.name])) as Names<T>;

/** Queue names by job, for code that reads the queues (tests, benchmarks, health); producers use `send-job.ts`. */
export const queues = namesOf(jobs);
export const topics = namesOf(eventTopics);

export const subscriberQueues = eventTopics.paymentSucceeded.subscribers.map((queue) => queue.name);

export function deadLetterOf(name: string): string {
  return `${name}-dead`;
}

/** Creates (or updates) every queue with its dead-letter queue, and subscribes the topics' queues. */
export async function createQueues(boss: PgBoss): Promise<void> {
  for (const { name, queue } of Object.values(jobs)) {
    const deadLetter = deadLetterOf(name);
    if (!(await boss.getQueue(deadLetter))) await boss.createQueue(deadLetter, { retentionSeconds: 30 * 86_400 });
    const { partition, policy, ...options } = { notify: true, ...queue, deadLetter };
    // A queue's policy and whether it has a table of its own are fixed when it is created; the rest follows the
    // definition on every boot.
    if (await boss.getQueue(name)) await boss.updateQueue(name, options);
    else await boss.createQueue(name, { ...options, partition, policy });
  }
  // Subscriptions let pg-boss's own publish() (and other systems using it) reach the same queues.
  for (const topic of Object.values(eventTopics)) {
    for (const queue of topic.subscribers) await boss.subscribe(topic.name, queue.name);
  }
}
