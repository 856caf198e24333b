// A worker process that runs one settle pass and exits: killed with SIGKILL by settle-concurrency.test.ts.
import { createPrisma } from '@/lib/db/prisma';
import { settleDueDays } from '@/server/settlements/settle-due-days';

const db = createPrisma(process.env.DATABASE_URL!, 2);
const days = await settleDueDays({ db, now: new Date(process.env.SETTLE_NOW!) });
process.stdout.write(`${JSON.stringify(days)}\n`);
await db.$disconnect();
