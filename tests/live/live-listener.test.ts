import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, test } from 'node:test';
import { v7 as uuidv7 } from 'uuid';
import { LiveListener, type LiveSignal } from '@/lib/live/live-listener';
import { notifyChanges } from '@/lib/live/notify-changes';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp();

/**
 * A TCP relay in front of PostgreSQL that the test can turn into an unreachable database: in `refusing` mode every
 * connection is accepted and dropped at once (each one an attempt, counted), `drop()` cuts the connections open, and
 * `freeze()` silences them.
 */
async function startRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  const attempts: number[] = [];
  const pairs: [net.Socket, net.Socket][] = [];
  let refusing = false;
  const server = net.createServer((socket) => {
    attempts.push(performance.now());
    if (refusing) return socket.destroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const end of [socket, upstream]) {
      sockets.add(end);
      end.on('error', () => {});
      end.on('close', () => {
        sockets.delete(end);
        socket.destroy();
        upstream.destroy();
      });
    }
    socket.pipe(upstream).pipe(socket);
    pairs.push([socket, upstream]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const url = new URL(target.href);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.href,
    attempts,
    refuse: (on: boolean) => void (refusing = on),
    drop: () => sockets.forEach((socket) => socket.destroy()),
    /** The connections open now go silent both ways, without an error or a close: a peer that vanished. */
    freeze: () => {
      for (const [socket, upstream] of pairs.splice(0)) {
        socket.unpipe(upstream);
        upstream.unpipe(socket);
        socket.pause();
        upstream.pause();
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function record(listener: LiveListener) {
  const signals: LiveSignal[] = [];
  const waiters: (() => void)[] = [];
  listener.subscribe((signal) => {
    signals.push(signal);
    waiters.splice(0).forEach((wake) => wake());
  });
  const waitFor = (match: (signal: LiveSignal) => boolean, from = 0) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not heard within 10 s: ${JSON.stringify(signals)}`)), 10_000);
      const check = () => {
        if (signals.slice(from).some(match)) {
          clearTimeout(timer);
          resolve();
        } else waiters.push(check);
      };
      check();
    });
  return { signals, waitFor };
}

describe('the live listener', () => {
  test('a database that goes away is retried with growing delays; once back, the listener says so and hears again', async () => {
    const relay = await startRelay(new URL(app.database.url));
    const listener = new LiveListener({ connectionString: relay.url, minBackoffMs: 40, maxBackoffMs: 400, pingIntervalMs: 60_000 });
    try {
      const heard = record(listener);
      await heard.waitFor((signal) => signal.type === 'listening');
      assert.equal(listener.listening, true);

      relay.refuse(true);
      const outageStart = relay.attempts.length;
      relay.drop();
      await heard.waitFor((signal) => signal.type === 'interrupted');
      assert.equal(listener.listening, false);
      // Let it fail a while: each attempt waits about twice as long as the one before, up to the ceiling.
      while (relay.attempts.length - outageStart < 6) await new Promise((resolve) => setTimeout(resolve, 50));
      const tries = relay.attempts.slice(outageStart);
      const gaps = tries.slice(1).map((at, index) => at - tries[index]);
      assert.ok(gaps[gaps.length - 1] > 2 * Math.min(...gaps.slice(0, 2)), `gaps ${gaps.map(Math.round).join(', ')} ms`);
      assert.ok(
        gaps.every((gap) => gap <= 650),
        `gaps ${gaps.map(Math.round).join(', ')} ms stay under the ceiling`,
      );

      const from = heard.signals.length;
      relay.refuse(false);
      await heard.waitFor((signal) => signal.type === 'listening', from);
      const id = uuidv7();
      await app.db.$transaction((tx) => notifyChanges(tx, [{ kind: 'payment', id, merchantId: null }]));
      await heard.waitFor((signal) => signal.type === 'changes' && signal.changes.some((change) => change.id === id), from);
    } finally {
      await listener.stop();
      relay.drop();
      await relay.close();
    }
  });

  test('a connection that stops answering (no error, no close) is noticed by its ping and replaced', async () => {
    const relay = await startRelay(new URL(app.database.url));
    const listener = new LiveListener({ connectionString: relay.url, minBackoffMs: 20, pingIntervalMs: 200, pingTimeoutMs: 200 });
    try {
      const heard = record(listener);
      await heard.waitFor((signal) => signal.type === 'listening');
      const from = heard.signals.length;
      relay.freeze();
      await heard.waitFor((signal) => signal.type === 'interrupted', from);
      await heard.waitFor((signal) => signal.type === 'listening', from);
      const id = uuidv7();
      await app.db.$transaction((tx) => notifyChanges(tx, [{ kind: 'payment', id, merchantId: null }]));
      await heard.waitFor((signal) => signal.type === 'changes' && signal.changes.some((change) => change.id === id), from);
    } finally {
      await listener.stop();
      relay.drop();
      await relay.close();
    }
  });
});
