// The browser's end of the live stream: one EventSource to GET /api/events, its state for people to see, and what to
// refetch. `live`: events arrive as they commit. `reconnecting`: the stream (or the server's database listener) is
// down and being retried. `polling`: it has stayed down (repeated failures, or longer than `pollAfterMs`), so
// everything live is refetched every `pollEveryMs` until the stream is back, when it returns to `live` by itself.
import { liveStreamEvents, type LiveChange, type LiveStreamEventName } from '@/contracts/live';
import type { LiveInvalidator } from './live-invalidator';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'polling';

export const defaultPollEveryMs = 5_000;

export type LiveConnectionOptions = {
  url?: string;
  invalidator: LiveInvalidator;
  onState: (state: LiveState) => void;
  onChanges?: (changes: LiveChange[]) => void;
  /** Failed attempts in a row after which the view polls. */
  pollAfterFailures?: number;
  /** Time without a live stream after which the view polls, however few the failures. */
  pollAfterMs?: number;
  pollEveryMs?: number;
  /** Delay before opening a new stream after one was refused; doubles up to `maxBackoffMs`. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
};

export class LiveConnection {
  private source: EventSource | undefined;
  private state: LiveState = 'connecting';
  private failures = 0;
  private downSince = Date.now();
  private heartbeatMs = 15_000;
  private reopenTimer: ReturnType<typeof setTimeout> | undefined;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private pollAfterTimer: ReturnType<typeof setTimeout> | undefined;
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(private readonly options: LiveConnectionOptions) {}

  start(): void {
    this.options.onState(this.state);
    this.armPollAfter();
    this.open();
  }

  stop(): void {
    this.stopped = true;
    this.source?.close();
    this.source = undefined;
    for (const timer of [this.reopenTimer, this.pollAfterTimer, this.silenceTimer]) clearTimeout(timer);
    clearInterval(this.pollTimer);
    this.options.invalidator.stop();
  }

  private open(): void {
    if (this.stopped) return;
    const source = new EventSource(this.options.url ?? '/api/events');
    this.source = source;
    this.heard();
    const on = (event: LiveStreamEventName, handle: (data: unknown) => void) =>
      source.addEventListener(event, (message) => {
        if (this.source !== source) return;
        this.heard();
        try {
          handle(JSON.parse(message.data));
        } catch {
          // Not JSON: a frame this version does not understand is ignored, like an unknown event.
        }
      });
    on('ready', (data) => {
      const ready = liveStreamEvents.ready.safeParse(data);
      if (!ready.success) return;
      this.heartbeatMs = ready.data.heartbeatMs;
      this.heard();
      // Whatever happened before this stream opened was not heard: refetch, then follow the stream.
      if (ready.data.listening) this.live();
      else this.down();
    });
    on('reconnected', () => this.live());
    on('interrupted', () => this.down());
    on('heartbeat', () => {});
    on('changes', (data) => {
      const parsed = liveStreamEvents.changes.safeParse(data);
      if (!parsed.success) return;
      this.options.invalidator.changed(parsed.data.changes);
      this.options.onChanges?.(parsed.data.changes);
    });
    source.addEventListener('error', () => {
      if (this.source !== source) return;
      clearTimeout(this.silenceTimer);
      this.failures++;
      this.down();
      // CONNECTING: the browser retries by itself after the server's `retry:` hint. CLOSED: the server refused the
      // stream (not signed in, not ready); a new one is opened later, backing off.
      if (source.readyState === EventSource.CLOSED) this.reopenLater();
    });
  }

  private live(): void {
    this.failures = 0;
    clearTimeout(this.pollAfterTimer);
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
    this.options.invalidator.all();
    this.setState('live');
  }

  /** Not live: reconnecting at first, polling once it has failed too often or for too long. */
  private down(): void {
    if (this.state === 'live' || this.state === 'connecting') {
      this.downSince = Date.now();
      this.armPollAfter();
    }
    const { pollAfterFailures = 3, pollAfterMs = 10_000 } = this.options;
    if (this.failures >= pollAfterFailures || Date.now() - this.downSince >= pollAfterMs) this.poll();
    else if (this.state !== 'polling') this.setState('reconnecting');
  }

  private armPollAfter(): void {
    clearTimeout(this.pollAfterTimer);
    this.pollAfterTimer = setTimeout(() => {
      if (this.state !== 'live') this.poll();
    }, this.options.pollAfterMs ?? 10_000);
  }

  private poll(): void {
    if (this.state === 'polling' || this.stopped) return;
    this.setState('polling');
    this.options.invalidator.all();
    this.pollTimer = setInterval(() => this.options.invalidator.all(), this.options.pollEveryMs ?? defaultPollEveryMs);
  }

  /** Something arrived: the stream is alive. One silent for much longer than its heartbeat is dead, and replaced. */
  private heard(): void {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => {
      this.source?.close();
      this.failures++;
      this.down();
      this.open();
    }, this.heartbeatMs * 2.5);
  }

  private reopenLater(): void {
    this.source?.close();
    this.source = undefined;
    const { minBackoffMs = 1_000, maxBackoffMs = 30_000 } = this.options;
    const delay = Math.min(maxBackoffMs, minBackoffMs * 2 ** Math.max(0, this.failures - 1));
    clearTimeout(this.reopenTimer);
    this.reopenTimer = setTimeout(() => this.open(), delay * (0.75 + Math.random() / 2));
  }

  private setState(state: LiveState): void {
    if (state === this.state) return;
    this.state = state;
    this.options.onState(state);
  }
}
