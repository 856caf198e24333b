import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { QueryClient, QueryObserver, type QueryKey } from '@tanstack/react-query';
import { v7 as uuidv7 } from 'uuid';
import { LiveInvalidator } from './live-invalidator';

/** A real QueryClient with one watched query per key, each counting its fetches. */
function watched(keys: Record<string, QueryKey>, fetchMs = 0) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  const fetches = Object.fromEntries(Object.keys(keys).map((name) => [name, 0]));
  const observers = Object.entries(keys).map(([name, queryKey]) => {
    const observer = new QueryObserver(client, {
      queryKey,
      queryFn: async () => {
        fetches[name]++;
        await new Promise((resolve) => setTimeout(resolve, fetchMs));
        return fetches[name];
      },
    });
    observer.subscribe(() => {});
    return observer;
  });
  const settled = () =>
    new Promise<void>((resolve) => {
      const check = () => (client.isFetching() === 0 ? resolve() : setTimeout(check, 5));
      check();
    });
  return { client, fetches, settled, stop: () => observers.forEach((observer) => observer.destroy()) };
}

const merchantId = uuidv7();

describe('LiveInvalidator', () => {
  test('a round of payment changes refetches payment lists, those payments and the figures, each once', async () => {
    const [paid, other] = [uuidv7(), uuidv7()];
    const queries = watched({
      list: ['payments', { status: 'succeeded' }],
      paid: ['payment', paid],
      other: ['payment', other],
      overview: ['overview', 'today'],
      deliveries: ['deliveries', {}],
      health: ['health'],
    });
    await queries.settled();
    const invalidator = new LiveInvalidator(queries.client, 20);
    for (let i = 0; i < 50; i++) invalidator.changed([{ kind: 'payment', id: i === 0 ? paid : uuidv7(), merchantId }]);
    await invalidator.flush();
    await queries.settled();
    assert.deepEqual(queries.fetches, { list: 2, paid: 2, other: 1, overview: 2, deliveries: 1, health: 1 });
    queries.stop();
  });

  test('a query already fetching when a change arrives fetches again once that fetch settles', async () => {
    const queries = watched({ list: ['deliveries', { status: 'failed' }] }, 60);
    const invalidator = new LiveInvalidator(queries.client, 10);
    // The first fetch is under way (it may have read before the change committed).
    assert.equal(queries.client.isFetching(), 1);
    invalidator.changed([{ kind: 'delivery', id: uuidv7(), merchantId }]);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await queries.settled();
    assert.equal(queries.fetches.list, 2);
    invalidator.stop();
    queries.stop();
  });

  test('all() refetches every query of the convention and nothing outside it', async () => {
    const queries = watched({
      alerts: ['alerts', { status: 'open' }],
      merchant: ['merchant', merchantId, 'audit'],
      refund: ['refund', uuidv7()],
      health: ['health'],
    });
    await queries.settled();
    const invalidator = new LiveInvalidator(queries.client);
    invalidator.all();
    await invalidator.flush();
    await queries.settled();
    assert.deepEqual(queries.fetches, { alerts: 2, merchant: 2, refund: 2, health: 1 });
    queries.stop();
  });
});
