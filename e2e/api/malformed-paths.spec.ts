// Malformed percent-encoding in a path, sent to the real built server: Next.js decodes dynamic segments before any
// route handler runs, so this is proven here rather than by calling handlers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { allOperations } from '@/contracts/all-operations';
import { adminToken } from '@/tests/helpers/test-database';
import { startSystem, type RunningSystem } from '../helpers/start-system';

let system: RunningSystem;

before(async () => {
  system = await startSystem();
});

after(async () => {
  await system?.stop();
});

// Percent signs that do not start a valid UTF-8 sequence: bad hex, truncated, overlong, lone continuation bytes.
const malformed = fc.oneof(
  fc.constantFrom('%', '%z', '%zz', '%E0%A4%A', '%C0%AF', '%ff', '%80', '%ED%A0%80', '%F4%90%80%80', '%%', '%2', '%G0'),
  fc.tuple(fc.stringMatching(/^[a-z0-9]{0,6}$/), fc.constantFrom('%', '%ff', '%C3', '%E2%82')).map(([text, bad]) => `${text}${bad}`),
);

describe('malformed percent-encoding in API paths', () => {
  test('every route answers 400 in the error shape, never 5xx or a page from Next.js', async () => {
    const paths = allOperations.map((operation) => ({ method: operation.method, path: operation.path }));
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), malformed, fc.boolean(), async ({ method, path }, bad, inParam) => {
        // Put the bad segment where a parameter goes (or at the end of a fixed path).
        const target = inParam && path.includes('{') ? path.replace(/\{\w+\}/, bad) : `${path}/${bad}`;
        const response = await fetch(`${system.baseUrl}${target}`, {
          method,
          headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
          body: method === 'GET' ? undefined : '{}',
        });
        requests += 1;
        const text = await response.text();
        assert.equal(response.status, 400, `${method} ${target}: ${response.status} ${text.slice(0, 200)}`);
        assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
        assert.equal(JSON.parse(text).error.code, 'bad_request', text);
      }),
      { numRuns: 150, seed: 20_261_124, endOnFailure: true },
    );
    assert.equal(requests, 150);
  });

  test('well-formed encodings still reach their routes', async () => {
    const response = await fetch(`${system.baseUrl}/api/payments/${encodeURIComponent('支付')}`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    assert.equal(response.status, 404);
    assert.equal((await response.json()).error.code, 'not_found');
  });
});
