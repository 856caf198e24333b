// Reads a server-sent-events response as a browser's EventSource would: frames split on blank lines, `event:`,
// `data:` and `retry:` fields, comments ignored. Works on a route handler's Response and on a fetch() alike.
export type StreamEvent = { event: string; data: any; at: number };

export function readEventStream(response: Response) {
  if (!response.body) throw new Error('the response has no body');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const events: StreamEvent[] = [];
  const retries: number[] = [];
  const waiters: (() => void)[] = [];
  let buffer = '';
  let ended = false;

  const wake = () => {
    for (const waiter of waiters.splice(0)) waiter();
  };
  const parse = (block: string) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'retry') retries.push(Number(value));
    }
    if (data.length > 0) events.push({ event, data: JSON.parse(data.join('\n')), at: performance.now() });
  };
  const done = (async () => {
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
        wake();
      }
    } catch {
      // Cancelled or aborted: the stream simply ends.
    } finally {
      ended = true;
      wake();
    }
  })();

  /** Resolves with the first event (from `from` on) that matches, waiting for it if need be. */
  const waitFor = (match: (event: StreamEvent) => boolean, { timeoutMs = 10_000, from = 0 } = {}) =>
    new Promise<StreamEvent>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => [e.event, e.data]))}`)),
        timeoutMs,
      );
      const check = () => {
        const found = events.slice(from).find(match);
        if (found || ended) {
          clearTimeout(timer);
          if (found) resolve(found);
          else reject(new Error(`the stream ended without a matching event; got ${JSON.stringify(events.map((e) => e.event))}`));
          return;
        }
        waiters.push(check);
      };
      check();
    });

  return {
    events,
    retries,
    waitFor,
    /** The changes every `changes` event carried so far, in order. */
    changes: () =>
      events
        .filter((e) => e.event === 'changes')
        .flatMap((e) => e.data.changes as { kind: string; id: string; merchantId: string | null }[]),
    get ended() {
      return ended;
    },
    done,
    cancel: () => reader.cancel().catch(() => {}),
  };
}

export type EventStreamReader = ReturnType<typeof readEventStream>;
