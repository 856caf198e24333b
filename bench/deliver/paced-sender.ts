// An open-loop sender: callback i is due at i / rate seconds; each answer's arrival is timed individually,
// which autocannon cannot do. At most `connections` are in flight, so a server that cannot keep up is offered
// less than the rate rather than an ever-growing backlog; the phase ends after `seconds` either way.
import { Pool } from 'undici';
import type { SignedCallback } from '../ingest/callback-pool';

export type Answer = { index: number; at: number; status: number };

export type Fired = {
  answers: Answer[];
  /** Answers per second over the phase. */
  achieved: number;
  errors: number;
  /** Callback answer times (sent → 200), ms, sorted. */
  answerMs: number[];
};

export async function firePaced(
  baseUrl: string,
  pool: SignedCallback[],
  options: { rate: number; seconds: number; connections: number },
): Promise<Fired> {
  const client = new Pool(baseUrl, { connections: options.connections, pipelining: 1 });
  const answers: Answer[] = [];
  const answerMs: number[] = [];
  let errors = 0;
  let inFlight = 0;
  let next = 0;
  const inFlightAll: Promise<void>[] = [];
  const send = async (index: number) => {
    const callback = pool[index];
    const sent = performance.now();
    try {
      const response = await client.request({
        path: '/api/callbacks/wechatpay',
        method: 'POST',
        headers: callback.headers,
        body: callback.rawBody,
      });
      const at = performance.now();
      await response.body.dump();
      answers.push({ index, at, status: response.statusCode });
      answerMs.push(at - sent);
    } catch {
      errors++;
    } finally {
      inFlight--;
    }
  };

  const started = performance.now();
  const end = started + options.seconds * 1000;
  while (performance.now() < end && next < pool.length) {
    const due = Math.min(pool.length, Math.floor(((performance.now() - started) / 1000) * options.rate) + 1);
    while (next < due && inFlight < options.connections) {
      inFlight++;
      inFlightAll.push(send(next++));
    }
    // setTimeout's ~1 ms granularity is fine: at 1,000/s that sends one or two per tick.
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlightAll);
  const seconds = (performance.now() - started) / 1000;
  await client.close();
  answerMs.sort((a, b) => a - b);
  return { answers, achieved: answers.length / seconds, errors, answerMs };
}
