// POST /api/lifecycle/run: run one pass of a lifecycle scheduler now (admin) and answer what it did.
import { getPrisma } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { handle } from '@/lib/http/handle';
import { getBoss } from '@/lib/queue/boss';
import { runLifecycleTaskOperation } from '@/contracts/lifecycle';
import { lifecycleSettingsFrom } from '@/server/lifecycle/lifecycle-settings';
import { runLifecycleTask } from '@/server/lifecycle/run-lifecycle-task';

export const POST = handle(runLifecycleTaskOperation, async ({ body }) =>
  runLifecycleTask({ db: getPrisma(), boss: await getBoss(), settings: lifecycleSettingsFrom(getEnv()), task: body.task, date: body.date }),
);
