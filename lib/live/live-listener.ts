// One listening connection per web process (DESIGN §4 Live view): a dedicated PostgreSQL client LISTENs on the live
// channel and fans each notification out to the process's open event streams. Streams cost no database work: however
// many browsers watch, the process holds one connection and parses each notification once.
import pg from 'pg';
import { liveChangesSchema, type LiveChange } from '@/contracts/live';
import { getEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import { liveChannel } from './notify-changes';

export type LiveSignal =
  | { type: 'changes'; changes: LiveChange[] }
  /** The connection was lost: notifications are missed until `listening` comes again. */
  | { type: 'interrupted' }
  /** LISTEN took effect (first connection or a reconnection): from here on nothing is missed. */
  | { type: 'listening' };

export type LiveSubscriber = (signal: LiveSignal) => void;

export type LiveListenerOptions = {
  connectionString: string;
  /** First reconnection delay; it doubles per failed attempt up to `maxBackoffMs` (each with jitter). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** A connection that answers no `SELECT 1` within `pingTimeoutMs` is dropped (a dead peer sends no error). */
  pingIntervalMs?: number;
  pingTimeoutMs?: number;
};

export class LiveListener {
  private readonly subscribers = new Set<LiveSubscriber>();
  private client: pg.Client | null = null;
  private connected = false;
  private started = false;
  private stopped = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: LiveListenerOptions) {}

  /** True while LISTEN is in effect on a live connection. */
  get listening(): boolean {
    return this.connected;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Adds a subscriber (connecting on the first one) and returns its unsubscribe. */
  subscribe(subscriber: LiveSubscriber): () => void {
    this.subscribers.add(subscriber);
    if (!this.started) {
      this.started = true;
      void this.connect();
    }
    return () => void this.subscribers.delete(subscriber);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    const client = this.client;
    this.client = null;
    this.connected = false;
    this.subscribers.clear();
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: 'paygate-live',
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
    });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel === liveChannel) this.receive(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${liveChannel}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) {
      // Stopped or given up on while connecting: this connection is nobody's.
      void client.end().catch(() => {});
      return;
    }
    this.connected = true;
    if (this.failures > 0) logger.info({ attempts: this.failures }, 'live listener reconnected');
    this.failures = 0;
    this.watch(client);
    this.emit({ type: 'listening' });
  }

  private watch(client: pg.Client): void {
    const { pingIntervalMs = 15_000, pingTimeoutMs = 5_000 } = this.options;
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      const timeout = setTimeout(() => this.lost(client, new Error(`no answer to a ping within ${pingTimeoutMs} ms`)), pingTimeoutMs);
      timeout.unref();
      client.query('SELECT 1').then(
        () => clearTimeout(timeout),
        () => clearTimeout(timeout),
      );
    }, pingIntervalMs);
    this.pingTimer.unref();
  }

  /** The current connection failed (or never came up): tell the streams if they were live, then try again later. */
  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    clearInterval(this.pingTimer);
    client.removeAllListeners('end');
    client.on('error', () => {});
    void client.end().catch(() => {});
    if (this.stopped) return;
    if (this.connected) {
      this.connected = false;
      this.emit({ type: 'interrupted' });
    }
    const { minBackoffMs = 250, maxBackoffMs = 10_000 } = this.options;
    const delay = Math.min(maxBackoffMs, minBackoffMs * 2 ** this.failures) * (0.5 + Math.random() / 2);
    this.failures++;
    logger.warn({ message: error instanceof Error ? error.message : String(error), retryInMs: Math.round(delay) }, 'live listener lost');
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.retryTimer.unref();
  }

  private receive(payload: string | undefined): void {
    let parsed;
    try {
      parsed = liveChangesSchema.safeParse(JSON.parse(payload ?? ''));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      logger.warn({ payload: payload?.slice(0, 200) }, 'live notification is not a list of changes; dropped');
      return;
    }
    this.emit({ type: 'changes', changes: parsed.data.changes });
  }

  private emit(signal: LiveSignal): void {
    for (const subscriber of this.subscribers) {
      try {
        subscriber(signal);
      } catch (error) {
        logger.warn({ err: error }, 'live subscriber failed');
      }
    }
  }
}

const globalForLive = globalThis as unknown as { liveListener?: LiveListener };

/** The process's listener, on DATABASE_URL; it connects when the first stream subscribes. */
export function getLiveListener(): LiveListener {
  globalForLive.liveListener ??= new LiveListener({ connectionString: getEnv().DATABASE_URL });
  return globalForLive.liveListener;
}

/** Stops the process's listener (tests, shutdown); the next `getLiveListener()` makes a new one. */
export async function stopLiveListener(): Promise<void> {
  const listener = globalForLive.liveListener;
  globalForLive.liveListener = undefined;
  await listener?.stop();
}
