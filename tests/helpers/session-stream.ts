// The live stream as a signed-in browser opens it: the session cookie and no bearer token, read once it is live.
import assert from 'node:assert/strict';
import { GET as eventsRoute } from '@/app/api/events/route';
import { readEventStream, type EventStreamReader } from './event-stream';

/** Opens `GET /api/events` with `cookie`; aborting `signal` closes it. Resolves once the stream is listening. */
export async function openSessionStream(cookie: string, signal: AbortSignal): Promise<EventStreamReader> {
  const request = new Request('http://localhost/api/events', { headers: { accept: 'text/event-stream', cookie }, signal });
  const response = await eventsRoute(request, { params: Promise.resolve({}) });
  if (response.status !== 200) assert.fail(`${response.status}: ${await response.text()}`);
  const reader = readEventStream(response);
  const ready = await reader.waitFor((e) => e.event === 'ready');
  if (!ready.data.listening) await reader.waitFor((e) => e.event === 'reconnected');
  return reader;
}
