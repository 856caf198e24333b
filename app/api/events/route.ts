// GET /api/events: the live view's server-sent events, filtered to what the signed-in caller may see.
import { getEnv } from '@/lib/env';
import { handle } from '@/lib/http/handle';
import { getLiveListener } from '@/lib/live/live-listener';
import { openEventStream } from '@/lib/live/open-event-stream';
import { streamLiveEventsOperation } from '@/contracts/live';

export const dynamic = 'force-dynamic';

export const GET = handle(streamLiveEventsOperation, async ({ principal, request }) =>
  openEventStream({ principal, listener: getLiveListener(), signal: request.signal, heartbeatMs: getEnv().LIVE_HEARTBEAT_SECONDS * 1000 }),
);
