import { z } from 'zod';
import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { queues } from '@/lib/queue/queues';
import { pollingOptions } from '@/lib/queue/work-options';
import { sendSandboxCallback } from '@/server/sandbox/send-sandbox-callback';

const payloadSchema = z.object({ paymentId: z.uuid(), payer: z.string().nullable(), device: z.string().nullable() });

export async function registerSendSandboxCallback({ boss, db, callbackUrl }: { boss: PgBoss; db: Db; callbackUrl: string }) {
  await boss.work(queues.sandboxCallback, { ...pollingOptions, batchSize: 1, localConcurrency: 4 }, async ([job]) => {
    const payload = payloadSchema.parse(job.data);
    await sendSandboxCallback({ db, callbackUrl, ...payload });
  });
}
