// The browser's one way to call the API: an operation of contracts/ in, its parsed response out. The path, the query
// string and the JSON body are built from the operation, and the answer is parsed with the operation's own response
// schema, so a page cannot read a field the API does not publish.
import type { z } from 'zod';
import { errorBodySchema } from '@/contracts/common';
import type { Operation } from '@/contracts/operation';

/** An API answer outside 2xx, with the `{error:{code,message}}` the API sends (or the status when it sent none). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

type RequestInput<O extends Operation> = {
  params?: Record<string, string>;
  query?: Record<string, QueryValue>;
  body?: O['body'] extends z.ZodType ? z.input<O['body']> : never;
  signal?: AbortSignal;
};

export type ResponseOf<O extends Operation> = O['response'] extends z.ZodType ? z.output<O['response']> : undefined;

/** The path of an operation with its `{name}` segments filled in (each encoded). */
export function operationPath(
  operation: Pick<Operation, 'path'>,
  params: Record<string, string> = {},
  query: Record<string, QueryValue> = {},
) {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${operation.path} needs the parameter ${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export async function requestOperation<O extends Operation>(operation: O, input: RequestInput<O> = {}): Promise<ResponseOf<O>> {
  const response = await fetch(operationPath(operation, input.params, input.query), {
    method: operation.method,
    headers: input.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: input.body === undefined ? undefined : JSON.stringify(input.body),
    cache: 'no-store',
    credentials: 'same-origin',
    signal: input.signal,
  });
  const json: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = errorBodySchema.safeParse(json);
    if (error.success) throw new ApiError(response.status, error.data.error.code, error.data.error.message);
    throw new ApiError(response.status, `http_${response.status}`, `The server answered ${response.status}`);
  }
  if (!operation.response) return undefined as ResponseOf<O>;
  return operation.response.parse(json) as ResponseOf<O>;
}
