// Random input to every route of the OpenAPI document: path parameters, query parameters, bodies and tokens built from
// what the document says each operation takes, filled with values chosen to break parsers and PostgreSQL. No answer
// may be 5xx, and nothing in the database may change.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { GET as openApiRoute } from '@/app/api/openapi.json/route';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { adminToken } from '@/tests/helpers/test-database';
import { databaseDigest } from '@/tests/helpers/database-digest';
import { callRoute } from '@/tests/helpers/call-route';
import { useApp } from '@/tests/helpers/use-app';

// Every request must reach its route: the rate limits are out of reach here (tests/security covers them).
const app = useApp({ RATE_LIMIT_API_PER_MINUTE: '1000000', RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '1000000' });
const apiDir = path.resolve(import.meta.dirname, '../../app/api');
const runs = Number(process.env.FUZZ_RUNS ?? 4_000);

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};
type Route = {
  method: string;
  path: string;
  params: string[];
  query: string[];
  body: string[] | null;
  bodySchema: JsonSchema | null;
  handler: Handler;
};

async function documentedRoutes(): Promise<Route[]> {
  const document = (await callRoute(openApiRoute, { token: null })).json;
  const routes: Route[] = [];
  for (const [apiPath, methods] of Object.entries<Record<string, any>>(document.paths)) {
    const folder = apiPath.replace(/^\/api\/?/, '').replace(/\{(\w+)\}/g, '[$1]');
    const module = await import(pathToFileURL(path.join(apiDir, folder, 'route.ts')).href);
    for (const [method, operation] of Object.entries<any>(methods)) {
      const parameters: { in: string; name: string }[] = operation.parameters ?? [];
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      routes.push({
        method: method.toUpperCase(),
        path: apiPath,
        params: [...apiPath.matchAll(/\{(\w+)\}/g)].map((match) => match[1]),
        query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        body: operation.requestBody ? Object.keys(bodySchema?.properties ?? {}) : null,
        bodySchema: bodySchema ?? null,
        handler: module[method.toUpperCase()],
      });
    }
  }
  return routes;
}

/** A value the schema would take, built from the document alone; ids are real ones. */
function exampleOf(schema: JsonSchema, realId: string): unknown {
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (variant) return exampleOf(variant, realId);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'string') {
    if (schema.format === 'uuid') return realId;
    if (schema.format === 'uri' || schema.format === 'url') return 'http://127.0.0.1:9/notify';
    if (schema.format === 'date-time') return new Date().toISOString();
    if (schema.pattern?.includes('A-Z]{3}')) return 'CNY';
    return 'x'.repeat(Math.max(schema.minLength ?? 0, 12));
  }
  if (type === 'integer' || type === 'number') return Math.min(Math.max(schema.minimum ?? 1, 100), schema.maximum ?? 100);
  if (type === 'boolean') return true;
  if (type === 'array') return schema.items ? [exampleOf(schema.items, realId)] : [];
  if (type === 'object' || schema.properties) {
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, exampleOf(value, realId)]));
  }
  return null;
}

/** A valid-looking body with one string field holding a NUL: it must be refused, so it must change nothing. */
function poisonedExample(route: Route, realId: string): fc.Arbitrary<{ json: unknown }> {
  const example = exampleOf(route.bodySchema ?? {}, realId);
  const fields = Object.keys(example && typeof example === 'object' ? example : {});
  if (fields.length === 0) return fc.constant({ json: { field: 'a\u0000b' } });
  return fc.tuple(fc.constantFrom(...fields), nastyString).map(([field, around]) => ({
    json: { ...(example as object), [field]: `${around.slice(0, 8)}\u0000${around.slice(8)}` },
  }));
}

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

// Values that have broken parsers or reached PostgreSQL unchecked somewhere: NUL and other characters PostgreSQL
// refuses, numbers past every integer type, dates outside PostgreSQL's range, crafted cursors.
const nastyStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\uffff',
  '%',
  '%00',
  '%E0%A4%A',
  '..',
  '../../etc/passwd',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '-1',
  '0',
  '1e309',
  '9'.repeat(40),
  '-9223372036854775809',
  'NaN',
  'Infinity',
  '0x10',
  '00000000-0000-0000-0000-000000000000',
  '0196b0c4-0000-7000-8000-00000000000g',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2024-02-30T00:00:00Z',
  '2024-01-01T00:00:00+99:99',
  'x'.repeat(5_000),
  '支付💸',
  'wechatpay',
  'pending',
  'failed',
  cursorOf(['2024-01-01T00:00:00.000Z', 'not-a-uuid']),
  cursorOf(['2024-01-01T00:00:00.000Z', 'a\u0000b']),
  cursorOf(['+275760-09-13T00:00:00.000Z', '0196b0c4-0000-7000-8000-000000000000']),
  cursorOf(['-271821-04-20T00:00:00.000Z', '0196b0c4-0000-7000-8000-000000000000']),
  cursorOf([1, 2]),
  cursorOf({ createdAt: 1 }),
  cursorOf('x'),
  cursorOf(null),
  'bm90IGpzb24',
  '!!!',
];

const nastyString = fc.oneof(
  { arbitrary: fc.constantFrom(...nastyStrings), weight: 8 },
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const nastyNumber = fc.oneof(
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, Number.MAX_SAFE_INTEGER),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const { value: nastyJson } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nastyString,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(nastyString, tie('value'), { maxKeys: 4 }),
  ),
}));

// A cursor is base64url JSON of [time, id]: craft ones that decode but hold junk where the database expects types.
const craftedCursor = fc
  .tuple(
    fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      nastyJson,
    ),
    fc.oneof(fc.uuid(), nastyJson),
    nastyJson,
  )
  .chain(([time, id, extra]) =>
    fc.constantFrom(cursorOf([time, id]), cursorOf([time, id, extra]), cursorOf([time]), cursorOf({ time, id })),
  );

type Input = { params: Record<string, string>; query: [string, string][]; body: { json: unknown } | { raw: string } | null; token: string };

function inputFor(route: Route, known: { ids: string[]; merchantKey: string }): fc.Arbitrary<Input> {
  // Real ids only where reading: a real id with a valid body could legitimately change something.
  const idLike =
    route.method === 'GET'
      ? fc.oneof({ arbitrary: fc.constantFrom(...known.ids), weight: 2 }, nastyString, fc.uuid())
      : fc.oneof(nastyString, fc.uuid());
  const params = fc.record(Object.fromEntries(route.params.map((name) => [name, idLike])));
  const queryKey = route.query.length ? fc.oneof({ arbitrary: fc.constantFrom(...route.query), weight: 4 }, nastyString) : nastyString;
  const query = fc.array(fc.oneof(fc.tuple(queryKey, fc.oneof(idLike, nastyString)), fc.tuple(fc.constant('cursor'), craftedCursor)), {
    maxLength: 5,
  });
  const field = route.body?.length ? fc.oneof({ arbitrary: fc.constantFrom(...route.body), weight: 4 }, nastyString) : nastyString;
  const body =
    route.body === null
      ? fc.constant(null)
      : fc.oneof(
          fc.dictionary(field, nastyJson, { maxKeys: 6 }).map((json) => ({ json })),
          poisonedExample(route, known.ids[0]),
          nastyJson.map((json) => ({ json })),
          fc.oneof(nastyString, fc.constantFrom('{', '{"a":', '{"a":"\\u0000"}', '{"a":"\\ud800"}', 'nul\u0000')).map((raw) => ({ raw })),
        );
  const token = fc.oneof(
    { arbitrary: fc.constant(adminToken), weight: 6 },
    { arbitrary: fc.constant(known.merchantKey), weight: 3 },
    fc.constantFrom('', 'mk_' + 'x'.repeat(40), 'Bearer', '\u00ff\u00fe'),
  );
  return fc.record({ params, query, body, token });
}

async function call(route: Route, input: Input) {
  const url = new URL(`http://localhost${route.path}`);
  for (const [key, value] of input.query) url.searchParams.append(key, value);
  const body = input.body === null ? undefined : 'raw' in input.body ? { rawBody: input.body.raw } : { body: input.body.json };
  if (route.path === '/api/events') return callStream(route, url, input.token);
  return callRoute(route.handler, {
    method: route.method,
    url: url.toString(),
    params: input.params,
    token: input.token,
    headers: { 'content-type': 'application/json' },
    ...body,
  });
}

/** A stream that was opened is answered at once and never ends: its status and first bytes are the answer. */
async function callStream(route: Route, url: URL, token: string) {
  const request = new Request(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const response = await route.handler(request, { params: Promise.resolve({}) });
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, text: '', json: undefined };
  }
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : undefined };
}

describe('fuzzing the API routes', () => {
  test(`${runs} random requests to every route of the OpenAPI document: no 5xx, no state change`, { timeout: 600_000 }, async (t) => {
    const merchant = await makeMerchant(app.db);
    const payment = await makePayment(app.db, { merchantId: merchant.id });
    const known = { ids: [merchant.id, payment.id], merchantKey: merchant.apiKey };
    const routes = (await documentedRoutes()).filter((route) => route.path !== '/api/callbacks/{provider}');
    assert.ok(routes.length >= 20, `only ${routes.length} routes in the document`);
    // The rate limiter's counters change with every request; they are what a request may change.
    const before = await databaseDigest(app.db, ['api_rate_limit']);
    const statuses = new Map<number, number>();

    const request = fc.constantFrom(...routes).chain((route) => inputFor(route, known).map((input) => ({ route, input })));
    await fc.assert(
      fc.asyncProperty(request, async ({ route, input }) => {
        const answer = await call(route, input);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        assert.ok(answer.status < 500, `${route.method} ${route.path} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
        if (answer.status >= 400)
          assert.equal(typeof answer.json?.error?.code, 'string', `not the error shape: ${answer.text.slice(0, 200)}`);
      }),
      { numRuns: runs, seed: 20_261_124, endOnFailure: true },
    );

    t.diagnostic(`statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    assert.deepEqual(await databaseDigest(app.db, ['api_rate_limit']), before, 'a random request changed the database');
  });
});
