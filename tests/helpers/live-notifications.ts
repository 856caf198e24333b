// A LISTEN of the test's own on the live channel: every notification committed, as PostgreSQL delivers it.
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '@/lib/db/prisma';
import { liveChannel, notifyChanges } from '@/lib/live/notify-changes';
import { liveChangesSchema, type LiveChange } from '@/contracts/live';

export type Heard = { payload: string; changes: LiveChange[] };

export async function listenForChanges(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const heard: Heard[] = [];
  const waiters: { check: () => boolean; resolve: () => void }[] = [];
  client.on('notification', (message) => {
    if (message.channel !== liveChannel || message.payload === undefined) return;
    heard.push({ payload: message.payload, changes: liveChangesSchema.parse(JSON.parse(message.payload)).changes });
    for (const waiter of waiters.splice(0)) {
      if (waiter.check()) waiter.resolve();
      else waiters.push(waiter);
    }
  });
  await client.query(`LISTEN ${liveChannel}`);

  const changes = () => heard.flatMap((notification) => notification.changes);
  /** Resolves with the first change heard that matches, waiting for it if need be. */
  const waitFor = (match: (change: LiveChange) => boolean, timeoutMs = 10_000) =>
    new Promise<LiveChange>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching change within ${timeoutMs} ms; heard ${JSON.stringify(heard)}`)),
        timeoutMs,
      );
      const check = () => {
        const found = changes().find(match);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
        return Boolean(found);
      };
      if (!check()) waiters.push({ check, resolve: () => {} });
    });

  return {
    heard,
    changes,
    waitFor,
    /**
     * Commits a marker change and waits for it. PostgreSQL delivers notifications in commit order, so once the
     * marker is heard, everything committed before it has been heard too: what is missing then never comes.
     */
    async settle(db: Db) {
      const id = uuidv7();
      await db.$transaction((tx) => notifyChanges(tx, [{ kind: 'merchant', id, merchantId: null }]));
      await waitFor((change) => change.id === id);
      const index = heard.findIndex((notification) => notification.changes.some((change) => change.id === id));
      heard.splice(index, 1);
    },
    /** Settles, then forgets everything heard: what is heard next was committed after this. */
    async reset(db: Db) {
      await this.settle(db);
      heard.splice(0);
    },
    close: () => client.end(),
  };
}

export type ChangeListener = Awaited<ReturnType<typeof listenForChanges>>;
