// GET /api/health/live: the process is up; touches neither the database nor the queue.
import { handle } from '@/lib/http/handle';
import { livenessOperation } from '@/contracts/system';

export const dynamic = 'force-dynamic';

export const GET = handle(livenessOperation, async () => ({ status: 'live' as const }));
