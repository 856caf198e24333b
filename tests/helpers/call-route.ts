import { adminToken } from './test-database';

// Each route types its own params.
type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

type Call = {
  method?: string;
  params?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  token?: string | null;
  headers?: Record<string, string>;
  url?: string;
};

/** Calls a route handler exactly as Next.js does: a Request in, a Response out. */
export async function callRoute(handler: Handler, call: Call = {}) {
  const headers: Record<string, string> = { ...call.headers };
  const token = call.token === undefined ? adminToken : call.token;
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined = call.rawBody;
  if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    headers['content-type'] ??= 'application/json';
  }
  const request = new Request(call.url ?? 'http://localhost/api/test', {
    method: call.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve(call.params ?? {}) });
  const text = await response.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json, headers: response.headers };
}
