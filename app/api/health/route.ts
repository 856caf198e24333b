// GET /api/health: 200 {"status":"ok"} once the database and the queue are ready.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { checkHealth } from '@/server/system/check-health';
import { healthOperation } from '@/contracts/system';

export const dynamic = 'force-dynamic';

export const GET = handle(healthOperation, () => checkHealth({ db: getPrisma() }));
