import type { PgBoss } from 'pg-boss';
import { deadLetterOf } from '@/lib/queue/queues';

type RedriveDeadLetters = { boss: PgBoss; queue: string; preview: boolean; limit: number };

/** Moves a queue's dead letters back into it, oldest first (pg-boss redrive), or only counts them. */
export async function redriveDeadLetters({ boss, queue, preview, limit }: RedriveDeadLetters) {
  const deadLetterQueue = deadLetterOf(queue);
  const { total } = await boss.previewRedrive(deadLetterQueue, { destination: queue, limit });
  const redriven = preview || total === 0 ? 0 : await boss.redrive(deadLetterQueue, { destination: queue, limit });
  return { queue, deadLetterQueue, preview, waiting: total, redriven };
}
