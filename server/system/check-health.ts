import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { getBoss } from '@/lib/queue/boss';
import { queues } from '@/lib/queue/queues';

export async function checkHealth({ db }: { db: Db }) {
  try {
    await db.$queryRaw`SELECT 1`;
    const boss = await getBoss();
    if (!(await boss.getQueue(queues.deliverWebhook))) throw new Error('queues are not created yet');
  } catch (error) {
    throw new AppError('unavailable', `Not ready: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { status: 'ok' as const };
}
