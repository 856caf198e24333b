import type { PgBoss } from 'pg-boss';
import type { Db } from '@/lib/db/prisma';
import { jobs } from '@/lib/queue/jobs';
import { pollingOptions } from '@/lib/queue/work-options';
import { sendSandboxCallback } from '@/server/sandbox/send-sandbox-callback';

export async function registerSendSandboxCallback({ boss, db, callbackUrl }: { boss: PgBoss; db: Db; callbackUrl: string }) {
  await boss.work(jobs.sandboxCallback.name, { ...pollingOptions, batchSize: 1, localConcurrency: 4 }, async ([job]) => {
    const payload = jobs.sandboxCallback.schema.parse(job.data);
    return sendSandboxCallback({ db, callbackUrl, job: payload });
  });
}
