// The live view's messages (DESIGN §4 Live view): what the database announces on its notification channel and what
// the event stream sends the browser. Ids only, never rows: the browser refetches what changed through the JSON API,
// which authorizes every read itself.
import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';

export const liveEntityKinds = ['payment', 'delivery', 'alert', 'merchant', 'refund'] as const;
export const liveEntityKindSchema = z.enum(liveEntityKinds);
export type LiveEntityKind = z.infer<typeof liveEntityKindSchema>;

export const liveChangeSchema = z.object({
  kind: liveEntityKindSchema,
  id: z.uuid(),
  /** Whose it is; null only for what names no merchant (an intake alert for an unknown payment): staff see those. */
  merchantId: z.uuid().nullable(),
});
export type LiveChange = z.infer<typeof liveChangeSchema>;

/** One notification on the database channel, and the data of one `changes` event on the stream. */
export const liveChangesSchema = z.object({ changes: z.array(liveChangeSchema).min(1) });
export type LiveChanges = z.infer<typeof liveChangesSchema>;

/**
 * The stream's events, by SSE event name:
 * - `ready`: the stream is open and the server is listening; anything may have changed before it, so refetch.
 * - `changes`: what changed, already filtered to what this caller may see.
 * - `interrupted`: the server lost its database listener; events may be missed until `reconnected`.
 * - `reconnected`: the listener is back; refetch everything, since events in between were missed.
 * - `heartbeat`: nothing changed; sent every `heartbeatMs` so a silent, dead connection is noticed.
 */
export const liveStreamEvents = {
  ready: z.object({ heartbeatMs: z.number().int().positive(), listening: z.boolean() }),
  changes: liveChangesSchema,
  interrupted: z.object({}),
  reconnected: z.object({}),
  heartbeat: z.object({}),
} as const;
export type LiveStreamEventName = keyof typeof liveStreamEvents;

export const streamLiveEventsOperation = defineOperation({
  id: 'streamLiveEvents',
  method: 'GET',
  path: '/api/events',
  summary:
    'Server-sent events: ids of what changed (payments, deliveries, alerts, merchants, refunds), filtered to the caller: ' +
    'a merchant key sees only its merchant. Events: ready, changes, interrupted, reconnected, heartbeat.',
  tag: 'live',
  auth: { staff: 'read', merchant: 'read' },
  status: 200,
  responseContentType: 'text/event-stream',
  errors: [401, 403, 429],
});
