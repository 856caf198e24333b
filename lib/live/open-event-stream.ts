// One browser's live stream (server-sent events): the process listener's signals, filtered to what this caller may
// see, as SSE frames. Authorization happened once, when the stream opened; each event costs a filter in memory.
import type { Principal } from '@/lib/auth/principal';
import type { LiveStreamEventName, liveStreamEvents } from '@/contracts/live';
import type { z } from 'zod';
import { canSeeChange } from './can-see-change';
import type { LiveListener, LiveSignal } from './live-listener';

type OpenEventStream = {
  principal: Principal | null;
  listener: LiveListener;
  /** The request's signal: the stream ends when the browser goes away. */
  signal: AbortSignal;
  heartbeatMs: number;
  /**
   * A stream is closed after this long (±10%) and the browser reconnects at once: the caller is authorized again, so
   * a revoked credential stops hearing within this time.
   */
  maxAgeMs?: number;
};

/** How long the browser waits before reconnecting a dropped stream (the SSE `retry:` hint). */
export const reconnectHintMs = 2_000;

// A reader this far behind is dropped; it reconnects and refetches instead of the server buffering without bound.
const maxBufferedBytes = 1024 * 1024;

const encoder = new TextEncoder();

function frame<E extends LiveStreamEventName>(event: E, data: z.input<(typeof liveStreamEvents)[E]>): Uint8Array {
  return encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

export function openEventStream({ principal, listener, signal, heartbeatMs, maxAgeMs = 15 * 60_000 }: OpenEventStream): Response {
  let close = () => {};
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let closed = false;
        const send = (bytes: Uint8Array) => {
          if (closed) return;
          if ((controller.desiredSize ?? 0) < -maxBufferedBytes) return close();
          controller.enqueue(bytes);
        };
        const forward = (live: LiveSignal) => {
          if (live.type === 'listening') return send(frame('reconnected', {}));
          if (live.type === 'interrupted') return send(frame('interrupted', {}));
          const changes = live.changes.filter((change) => canSeeChange(principal, change));
          if (changes.length > 0) send(frame('changes', { changes }));
        };
        // Subscribed before the state is read, in the same tick: no signal falls between the two.
        const unsubscribe = listener.subscribe(forward);
        const heartbeat = setInterval(() => send(frame('heartbeat', {})), heartbeatMs);
        const expiry = setTimeout(
          () => {
            send(encoder.encode('retry: 100\n\n'));
            close();
          },
          maxAgeMs * (0.9 + Math.random() / 5),
        );
        close = () => {
          if (closed) return;
          closed = true;
          unsubscribe();
          clearInterval(heartbeat);
          clearTimeout(expiry);
          signal.removeEventListener('abort', close);
          try {
            controller.close();
          } catch {}
        };
        // A stream never keeps a process alive on its own (tests, shutdown).
        heartbeat.unref();
        expiry.unref();
        signal.addEventListener('abort', close);
        if (signal.aborted) return close();
        controller.enqueue(encoder.encode(`retry: ${reconnectHintMs}\n\n`));
        send(frame('ready', { heartbeatMs, listening: listener.listening }));
      },
      cancel: () => close(),
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform keeps compression (which would buffer the frames) off this response.
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
