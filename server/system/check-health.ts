import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { getBoss } from '@/lib/queue/boss';
import { queues } from '@/lib/queue/queues';

/** Ready or not, nothing more: why not (hosts, errors of the database) is for the log, never for anyone who asks. */
export async function checkHealth({ db }: { db: Db }) {
  try {
    await db.$queryRaw`SELECT 1`;
    const boss = await getBoss();
    if (!(await boss.getQueue(queues.deliverWebhook))) throw new Error('queues are not created yet');
  } catch (error) {
    logger.warn({ err: error }, 'health check: not ready');
    throw new AppError('unavailable', 'not ready');
  }
  return { status: 'ok' as const };
}
